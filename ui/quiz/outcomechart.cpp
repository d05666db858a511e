#include "outcomechart.h"

#include "plotstyle.h"

#include <QEvent>
#include <algorithm>

namespace ipclab::ui {

OutcomeChart::OutcomeChart(QWidget* parent) : QCustomPlot(parent) {
    setMinimumSize(480, 320);
    plotLayout()->insertRow(0);
    m_title = new QCPTextElement(this, tr("Outcomes of every interleaving"));
    plotLayout()->addElement(0, 0, m_title);
    m_bars = new QCPBars(xAxis, yAxis);
    m_deadlocks = new QCPBars(xAxis, yAxis); // red: outcomes where the run deadlocks
    for (QCPBars* b : {m_bars, m_deadlocks}) {
        b->setWidth(0.7);
        b->setSelectable(QCP::stDataRange);
    }
    m_bars->setBrush(QColor(0x00, 0x72, 0xB2));
    m_bars->setPen(Qt::NoPen);
    m_deadlocks->setBrush(QColor(0xD5, 0x5E, 0x00));
    m_deadlocks->setPen(Qt::NoPen);
    yAxis->setLabel(tr("schedules"));
    xAxis->grid()->setVisible(false);
    xAxis->setSubTicks(false);
    applyPlotStyle(this, palette());
    connect(this, &QCustomPlot::plottableClick, this,
            [this](QCPAbstractPlottable*, int dataIndex, QMouseEvent*) {
                const double key = dataIndex >= 0 && dataIndex < m_bars->dataCount()
                                       ? m_bars->data()->at(dataIndex)->key
                                       : -1;
                // Both series hold every key (zero where the other applies).
                if (key >= 0) {
                    emit outcomeClicked(static_cast<int>(key));
                }
            });
}

void OutcomeChart::setOutcomes(const std::vector<OutcomeBar>& bars, const QString& title) {
    m_title->setText(title);
    QVector<double> keys;
    QVector<double> values;
    QVector<double> deadlocks;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    double most = 1;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        keys << static_cast<double>(i);
        values << (bars[i].deadlock ? 0 : bars[i].schedules);
        deadlocks << (bars[i].deadlock ? bars[i].schedules : 0);
        ticker->addTick(static_cast<double>(i), bars[i].label);
        most = std::max(most, bars[i].schedules);
    }
    m_count = static_cast<int>(bars.size());
    m_bars->setData(keys, values, true);
    m_deadlocks->setData(keys, deadlocks, true);
    xAxis->setTicker(ticker);
    xAxis->setTickLabelRotation(bars.size() > 8 ? 60 : 0);
    xAxis->setRange(-0.6, std::max<double>(static_cast<double>(bars.size()) - 0.4, 0.6));
    yAxis->setRange(0, most * 1.1);
    replot();
}

void OutcomeChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        applyPlotStyle(this, palette());
        replot();
    }
    QCustomPlot::changeEvent(event);
}

} // namespace ipclab::ui
