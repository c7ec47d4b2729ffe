// The composer's take count (issue 18): how many takes one click of Generate makes, and what
// they cost together.
#include "core/settings/AppSettings.h"
#include "ui/PromptEditor.h"

#include <QSpinBox>

namespace pixverse {

QSpinBox* PromptEditor::buildTakeCount() {
    m_takes = new QSpinBox(this);
    m_takes->setObjectName(QStringLiteral("takeCountSpin"));
    m_takes->setRange(1, AppSettings::kMaxTakeCount);
    m_takes->setPrefix(QStringLiteral("×"));
    m_takes->setValue(m_settings->takeCount());
    m_takes->setAccessibleName(tr("Takes"));
    m_takes->setToolTip(tr("How many takes Generate makes, up to %1: each is a video of its own, "
                           "priced in full. With a fixed seed, each take uses the next seed.")
                            .arg(AppSettings::kMaxTakeCount));
    connect(m_takes, &QSpinBox::valueChanged, this, [this](int takes) {
        m_settings->setTakeCount(takes);
        updateState();
    });
    return m_takes;
}

int PromptEditor::takeCount() const {
    // An edited queued job stays one job.
    return m_takes && m_editedJob == 0 ? m_takes->value() : 1;
}

void PromptEditor::setTakeCount(int takes) {
    m_takes->setValue(takes); // clamped to the range; valueChanged remembers it
}

std::optional<int> PromptEditor::totalCost() const {
    const std::optional<int> one = cost();
    if (!one)
        return std::nullopt;
    return *one * takeCount();
}

QString PromptEditor::takesCostText(const PriceQuote& oneTake) const {
    return tr("Cost: %n takes · %1 (%2 each)", nullptr, takeCount())
        .arg(oneTake.times(takeCount()).text(), oneTake.text());
}

} // namespace pixverse
