#pragma once
// A QCustomPlot plottable that draws horizontal bars in lanes (a Gantt chart series).
// Drawing visits only the visible time range of each lane (binary search) and merges
// bars thinner than a pixel, so a lane with 100k stretches costs what the screen shows.

#include <QString>
#include <qcustomplot.h>
#include <vector>

namespace ipclab::ui {

class GanttPlottable : public QCPAbstractPlottable {
    Q_OBJECT
public:
    struct Bar {
        double start = 0;
        double end = 0;
    };

    GanttPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    /// Replaces every lane. lanes[i] is drawn centred at value i, bars sorted by start and
    /// not overlapping.
    void setLanes(std::vector<std::vector<Bar>> lanes);
    /// Lanes with index >= `offset` in value coordinates: lane i is drawn at offset + i.
    void setLaneOffset(double offset) { m_laneOffset = offset; }
    /// Fraction of a lane's height the bars fill.
    void setBarHeight(double height) { m_barHeight = height; }
    /// Text written inside bars wide enough to hold it (e.g. the process name on a CPU).
    void setLabel(const QString& label, const QColor& color);
    void setLabelFont(const QFont& font) { m_labelFont = font; }
    const std::vector<std::vector<Bar>>& lanes() const { return m_lanes; }

    double selectTest(const QPointF& pos, bool onlySelectable,
                      QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    void drawLane(QCPPainter* painter, const std::vector<Bar>& lane, double value) const;

    std::vector<std::vector<Bar>> m_lanes;
    double m_laneOffset = 0;
    double m_barHeight = 0.7;
    QString m_label;
    QColor m_labelColor;
    QFont m_labelFont;
};

} // namespace ipclab::ui
