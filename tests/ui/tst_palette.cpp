// One palette with meaning: every view draws a process state in the same colour (the
// system view's card, the program view's line, the timeline's bars), in light and dark
// themes, and the colours that tell processes apart on CPU lanes are far from all of them.

#include "palette.h"
#include "theme.h"
#ifdef IPCLAB_HAVE_PLOTS
#include "plotstyle.h"
#endif

#include <QtTest>
#include <cmath>

using namespace ipclab;
using namespace ipclab::ui;

namespace {

constexpr std::array<ProcState, 5> kStates = {ProcState::New, ProcState::Ready, ProcState::Running,
                                              ProcState::Blocked, ProcState::Terminated};

QPalette themed(bool dark) {
    QPalette p;
    p.setColor(QPalette::Base, dark ? QColor(30, 30, 34) : QColor(255, 255, 255));
    p.setColor(QPalette::Window, dark ? QColor(40, 40, 44) : QColor(240, 240, 240));
    p.setColor(QPalette::Text, dark ? Qt::white : Qt::black);
    return p;
}

/// Perceived difference: Euclidean distance in (approximate) CIE L*a*b* via QColor's
/// lightness, plus hue distance weighted by saturation. Good enough to reject near-twins.
double distance(const QColor& a, const QColor& b) {
    const auto lin = [](double c) {
        c /= 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const auto lab = [&](const QColor& c) {
        const double r = lin(c.red()), g = lin(c.green()), bl = lin(c.blue());
        const double x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047;
        const double y = 0.2126 * r + 0.7152 * g + 0.0722 * bl;
        const double z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883;
        const auto f = [](double t) {
            return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0;
        };
        return std::array<double, 3>{116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    };
    const auto la = lab(a);
    const auto lb = lab(b);
    return std::hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

} // namespace

class TestPalette : public QObject {
    Q_OBJECT
private slots:
    void systemViewAndProgramViewUseThePalette() {
        for (bool dark : {false, true}) {
            const Theme theme = Theme::fromPalette(themed(dark));
            for (ProcState s : kStates) {
                QCOMPARE(theme.stateColor(s), palette::stateColor(s));
            }
        }
    }

    void chartsUseThePalette() {
#ifdef IPCLAB_HAVE_PLOTS
        for (ProcState s : kStates) {
            QCOMPARE(ui::stateColor(s), palette::stateColor(s));
        }
        for (int p = -1; p < 12; ++p) {
            QCOMPARE(ui::processColor(p), palette::processColor(p));
        }
#else
        QSKIP("built without the charts");
#endif
    }

    void readyIsOneColour() {
        // The disagreement the issue saw: theme.cpp drew ready yellow, the timeline blue.
        QCOMPARE(palette::stateColor(ProcState::Ready), QColor(0x56, 0xB4, 0xE9));
    }

    void statesAreDistinct() {
        for (std::size_t i = 0; i < kStates.size(); ++i) {
            for (std::size_t j = i + 1; j < kStates.size(); ++j) {
                QVERIFY2(
                    distance(palette::stateColor(kStates[i]), palette::stateColor(kStates[j])) > 15,
                    qPrintable(QStringLiteral("states %1 and %2").arg(i).arg(j)));
            }
        }
    }

    void cpuLanesNeverReuseAStateColour() {
        for (std::size_t p = 0; p < palette::kProcessRgb.size(); ++p) {
            const QColor c = palette::processColor(static_cast<int>(p));
            for (ProcState s : {ProcState::Ready, ProcState::Running, ProcState::Blocked}) {
                const double d = distance(c, palette::stateColor(s));
                QVERIFY2(d > 25, qPrintable(QStringLiteral("process colour %1 is %2 from state %3")
                                                .arg(c.name())
                                                .arg(d)
                                                .arg(static_cast<int>(s))));
            }
        }
    }
};

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
