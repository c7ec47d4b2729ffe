// Contract stub (issue 17): the "templates" helper implements the downloads and the disk cache.
#include "core/effects/PreviewCache.h"

#include <QNetworkAccessManager>
#include <QPointer>

namespace pixverse {

struct PreviewCache::State {
    QString dir;
    qint64 capBytes = 0;
    QPointer<QNetworkAccessManager> network;
};

PreviewCache::PreviewCache(const QString& dir, qint64 capBytes, QNetworkAccessManager* network,
                           QObject* parent)
    : QObject(parent)
    , d(std::make_unique<State>()) {
    d->dir = dir;
    d->capBytes = capBytes;
    d->network = network;
}

PreviewCache::~PreviewCache() = default;

QString PreviewCache::cachedFile(const QString& url) const {
    Q_UNUSED(url)
    return {};
}

void PreviewCache::fetch(const QString& url) {
    Q_UNUSED(url)
}

qint64 PreviewCache::capBytes() const {
    return d->capBytes;
}

qint64 PreviewCache::usedBytes() const {
    return 0;
}

} // namespace pixverse
