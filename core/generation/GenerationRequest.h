#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace pixverse {

//! Which PixVerse API family a request or an account belongs to (../shared/pixverse-api.md §5).
enum class ApiFamily { OpenApi, Web };

QString apiFamilyId(ApiFamily family); //!< "openapi" or "web", as stored and in the catalog
std::optional<ApiFamily> apiFamilyFromId(const QString& id);

//! Everything a creator chose for one generation. A value type: copied into jobs, stored as JSON.
struct GenerationRequest {
    QString prompt;
    QString negativePrompt;
    QString model = QStringLiteral("v4.5");
    int duration = 5; //!< seconds
    QString quality = QStringLiteral("540p");
    QString aspectRatio = QStringLiteral("16:9"); //!< ignored for image-to-video: the image decides
    QString motionMode = QStringLiteral("normal");
    std::optional<qint64> seed; //!< empty: the service picks one
    QString style;              //!< empty: none
    QString cameraMovement;     //!< empty: none
    bool audio = false;         //!< newer models only (catalog switch "audio")
    bool multiShot = false;     //!< web family, newer models (switch "multiShot")
    bool offPeak = false;       //!< web family (switch "offPeak")
    QString imagePath;          //!< local image for image-to-video; empty for text-to-video

    bool isImageToVideo() const { return !imagePath.isEmpty(); }

    QJsonObject toJson() const;
    static GenerationRequest fromJson(const QJsonObject& json);

    friend bool operator==(const GenerationRequest&, const GenerationRequest&) = default;
};

//! Characters as PixVerse counts them: Unicode code points, not UTF-16 units.
qsizetype promptLength(const QString& text);

} // namespace pixverse
