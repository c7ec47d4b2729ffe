#include "core/queue/BatchFile.h"

#include "core/generation/ModelCatalog.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace pixverse {

// CONTRACT STUB: the "batch" helper reads the files.

int BatchContents::acceptedCount() const {
    return static_cast<int>(std::count_if(entries.cbegin(), entries.cend(),
                                          [](const BatchEntry& e) { return e.accepted(); }));
}

PriceQuote BatchContents::total() const {
    PriceQuote sum;
    sum.credits = 0;
    sum.basis = PriceQuote::Basis::Table;
    for (const BatchEntry& entry : entries) {
        if (!entry.accepted())
            continue;
        if (!entry.price.credits)
            return PriceQuote{};
        *sum.credits += *entry.price.credits;
        if (entry.price.basis != PriceQuote::Basis::Table)
            sum.basis = entry.price.basis;
        sum.atMost = sum.atMost || entry.price.atMost;
    }
    return sum;
}

QJsonObject generationKeys(const GenerationRequest& request) {
    QJsonObject keys;
    keys[QStringLiteral("model")] = request.model;
    keys[QStringLiteral("duration")] = request.duration;
    keys[QStringLiteral("quality")] = request.quality;
    return keys; // CONTRACT STUB: not every setting yet
}

BatchContents readBatchFile(const QString& path, const QJsonObject& defaults,
                            const ModelCatalog& catalog, ApiFamily family) {
    Q_UNUSED(defaults)
    Q_UNUSED(catalog)
    Q_UNUSED(family)
    BatchContents contents;
    contents.error = QStringLiteral("CONTRACT STUB: %1 not read").arg(path);
    return contents;
}

BatchContents readImageFolder(const QString& folder, const QJsonObject& defaults,
                              const ModelCatalog& catalog, ApiFamily family) {
    return readBatchFile(folder, defaults, catalog, family);
}

BatchContents readBatchSource(const QString& path, const QJsonObject& defaults,
                              const ModelCatalog& catalog, ApiFamily family) {
    return QFileInfo(path).isDir() ? readImageFolder(path, defaults, catalog, family)
                                   : readBatchFile(path, defaults, catalog, family);
}

void priceBatch(BatchContents& contents,
                const std::function<PriceQuote(const GenerationRequest&)>& quote) {
    for (BatchEntry& entry : contents.entries) {
        if (entry.accepted())
            entry.price = quote(entry.request);
    }
}

} // namespace pixverse
