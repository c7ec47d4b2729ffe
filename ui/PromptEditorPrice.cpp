// The composer's cost line (issues 18 and 19): the price of the current settings from the
// account's PriceBook (the table for an API key; the website's own formulas for a website
// account, "about" without them, "≤" during a promotion), per-second detail for the table, the
// takes, and the balance after them.
#include "core/backend/PriceBook.h"
#include "ui/PromptEditor.h"

#include <QLabel>
#include <QLocale>

#include <algorithm>

namespace pixverse {

void PromptEditor::setPriceBook(PriceBook* prices) {
    if (m_prices == prices)
        return;
    if (m_prices)
        disconnect(m_prices, nullptr, this, nullptr);
    m_prices = prices;
    if (prices)
        connect(prices, &PriceBook::pricesChanged, this, &PromptEditor::updateState);
    updateState();
}

PriceQuote PromptEditor::quote() const {
    const GenerationRequest r = ruleRequest();
    // The book prices for its own account's family; the composer follows setFamily().
    if (m_prices && m_prices->family() == m_family)
        return m_prices->quote(r);
    return quotePrice(r, *m_catalog, m_family);
}

std::optional<int> PromptEditor::cost() const {
    const PriceQuote one = quote();
    if (!one.credits)
        return std::nullopt;
    return static_cast<int>(*one.credits);
}

void PromptEditor::updateCost() {
    const GenerationRequest r = ruleRequest();
    const PriceQuote one = quote();
    const QLocale locale;
    // The table's per-second detail where the table is the price (an API key); 0: none.
    const int perSecond =
        one.basis == PriceQuote::Basis::Table ? m_catalog->creditsPerSecond(r).value_or(0) : 0;
    if (!one.known())
        m_cost->setText(tr("Cost: no price for these settings"));
    else if (takeCount() > 1)
        m_cost->setText(takesCostText(one));
    else if (perSecond > 0 && r.audio)
        m_cost->setText(tr("Cost: %1 credits/s with sound × %2 s = %3 credits")
                            .arg(locale.toString(perSecond), locale.toString(r.duration),
                                 locale.toString(*one.credits)));
    else if (perSecond > 0)
        m_cost->setText(tr("Cost: %1 credits/s × %2 s = %3 credits")
                            .arg(locale.toString(perSecond), locale.toString(r.duration),
                                 locale.toString(*one.credits)));
    else
        m_cost->setText(tr("Cost: %1").arg(one.text()));

    QString tip;
    if (one.known() && one.atMost)
        tip = tr("A promotion is running on the PixVerse website, so this video may cost less: "
                 "this is its price without any discount.");
    else if (one.known() && one.basis == PriceQuote::Basis::Estimate)
        // The website prices by formulas of its own (pixverse-api.md §3.12), not by the
        // platform's published table (§2.9): without them the figure is an estimate.
        tip = tr("The PixVerse website works out its own price when the video is made; this "
                 "estimate uses the platform's published rates.");
    else if (one.known() && one.basis == PriceQuote::Basis::Formula)
        tip = tr("The PixVerse website's own price for these settings.");
    m_cost->setToolTip(tip);

    const std::optional<int> total = totalCost();
    // The queue's jobs are charged when they are sent, after the balance was read.
    const qint64 queued = std::max<qint64>(0, m_queuedCredits);
    if (!m_balance)
        m_balanceLabel->setText(tr("Balance: unknown"));
    else if (total && *total + queued <= *m_balance && queued > 0)
        m_balanceLabel->setText(tr("Balance after: %1 credits (of %2; %3 for the queue)")
                                    .arg(locale.toString(*m_balance - queued - *total),
                                         locale.toString(*m_balance), locale.toString(queued)));
    else if (total && *total + queued <= *m_balance)
        m_balanceLabel->setText(
            tr("Balance after: %1 credits (of %2)")
                .arg(locale.toString(*m_balance - *total), locale.toString(*m_balance)));
    else if (queued > 0)
        m_balanceLabel->setText(tr("Balance: %1 credits (%2 for the queue)")
                                    .arg(locale.toString(*m_balance), locale.toString(queued)));
    else
        m_balanceLabel->setText(tr("Balance: %1 credits").arg(locale.toString(*m_balance)));
}

} // namespace pixverse
