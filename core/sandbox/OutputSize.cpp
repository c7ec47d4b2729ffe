#include "core/sandbox/OutputSize.h"

#include <cmath>

namespace pixverse::sandbox {

int qualityShortSide(const QString& quality) {
    if (!quality.endsWith(QLatin1Char('p')))
        return 0;
    bool ok = false;
    const int side = quality.chopped(1).toInt(&ok);
    switch (ok ? side : 0) {
    case 360:
    case 540:
    case 720:
    case 1080:
        return side;
    default:
        return 0;
    }
}

std::optional<std::pair<int, int>> parseAspectRatio(const QString& aspectRatio) {
    const QStringList parts = aspectRatio.split(QLatin1Char(':'));
    if (parts.size() != 2)
        return std::nullopt;
    bool okW = false;
    bool okH = false;
    const int w = parts.at(0).toInt(&okW);
    const int h = parts.at(1).toInt(&okH);
    if (!okW || !okH || w <= 0 || h <= 0)
        return std::nullopt;
    return std::pair{w, h};
}

QSize outputSize(const QString& quality, const QString& aspectRatio) {
    const int shortSide = qualityShortSide(quality);
    const auto ratio = parseAspectRatio(aspectRatio);
    if (shortSide == 0 || !ratio)
        return {};
    const auto [w, h] = *ratio;
    const int big = std::max(w, h);
    const int small = std::min(w, h);
    // Same integer arithmetic as resources/clips/CMakeLists.txt: round(short * big / small / 2)
    // * 2.
    const int longSide = (shortSide * big + small) / (2 * small) * 2;
    return w >= h ? QSize(longSide, shortSide) : QSize(shortSide, longSide);
}

QSize outputSizeByLongEdge(int longEdge, const QString& aspectRatio) {
    const auto ratio = parseAspectRatio(aspectRatio);
    if (longEdge < 2 || !ratio)
        return {};
    const auto [w, h] = *ratio;
    const int big = std::max(w, h);
    const int small = std::min(w, h);
    // Same integer arithmetic as resources/clips/CMakeLists.txt: floor(long * small / big / 2) * 2.
    const int shortEdge = longEdge * small / (2 * big) * 2;
    return w >= h ? QSize(longEdge, shortEdge) : QSize(shortEdge, longEdge);
}

QString nearestAspectRatio(QSize image, const QStringList& candidates) {
    if (image.width() < 1 || image.height() < 1)
        return {};
    const double imageLog = std::log(static_cast<double>(image.width()) / image.height());
    QString best;
    double bestDistance = 0;
    for (const QString& candidate : candidates) {
        const auto ratio = parseAspectRatio(candidate);
        if (!ratio)
            continue;
        const double distance =
            std::abs(std::log(static_cast<double>(ratio->first) / ratio->second) - imageLog);
        if (best.isEmpty() || distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

QString clipFileName(QSize size, bool withAudio, int seconds) {
    return QStringLiteral("%1x%2%3%4.mp4")
        .arg(size.width())
        .arg(size.height())
        .arg(seconds > 1 ? QStringLiteral("-%1s").arg(seconds) : QString())
        .arg(withAudio ? QStringLiteral("-audio") : QString());
}

} // namespace pixverse::sandbox
