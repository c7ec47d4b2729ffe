// ModelCatalog and the modes of issue 16: which family and model makes which mode, the inputs
// each mode needs, and the prices of the modes without a model.
#include "core/generation/ModelCatalog.h"
#include "core/media/MediaLimits.h"

#include <QCoreApplication>

#include <cmath>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse::ModelCatalog", text);
}

//! Seconds as a creator reads them: "41.5", "40".
QString secondsText(double seconds) {
    return QString::number(seconds, 'f', seconds == std::floor(seconds) ? 0 : 1);
}

//! Whole units of `unit` a length starts, with a millisecond's tolerance: a probe reading 5.0004 s
//! of a 5 s clip is one unit, not two.
int startedUnits(double length, double unit) {
    return static_cast<int>(std::ceil((length - 0.001) / unit));
}

bool takesSourceVideo(GenerationMode mode) {
    return mode == GenerationMode::Extend || mode == GenerationMode::Upscale ||
           mode == GenerationMode::SoundEffect || mode == GenerationMode::LipSync;
}

} // namespace

bool ModelCatalog::modeTakesModel(GenerationMode mode) {
    return mode != GenerationMode::Upscale && mode != GenerationMode::SoundEffect &&
           mode != GenerationMode::LipSync;
}

bool ModelCatalog::familyOffersMode(GenerationMode mode, ApiFamily family) const {
    if (!modeTakesModel(mode))
        return m_operationFamilies.value(generationModeId(mode)).contains(family);
    return !offeredModels(family, mode).isEmpty();
}

QList<ModelSpec> ModelCatalog::offeredModels(ApiFamily family, GenerationMode mode) const {
    QList<ModelSpec> out;
    if (!modeTakesModel(mode))
        return out;
    for (const ModelSpec& m : m_models) {
        if (m.offeredFor(family, mode))
            out << m;
    }
    return out;
}

QString ModelCatalog::defaultModel(ApiFamily family, GenerationMode mode) const {
    const QList<ModelSpec> offered = offeredModels(family, mode);
    return offered.isEmpty() ? QString() : offered.first().id;
}

void ModelCatalog::addInputViolations(const GenerationRequest& r, QList<RuleViolation>& out) const {
    using Kind = RuleViolation::Kind;
    auto add = [&out](Kind kind, const QString& field, const QString& reason,
                      QStringList fields = {}) {
        out << RuleViolation{kind, field, reason, fields.isEmpty() ? QStringList{field} : fields};
    };
    const QString images = QStringLiteral("images");
    if (r.mode == GenerationMode::ImageToVideo && r.startImagePath().isEmpty())
        add(Kind::Missing, images, tr("Choose the image to animate."));
    if (r.mode == GenerationMode::Transition &&
        (r.imagePath(RequestImage::Role::FirstFrame).isEmpty() ||
         r.imagePath(RequestImage::Role::LastFrame).isEmpty()))
        add(Kind::Missing, images, tr("Choose both the first and the last frame."));
    if (!takesSourceVideo(r.mode))
        return;

    const QString source = QStringLiteral("source");
    const bool hasId = r.sourceVideoId > 0;
    const bool hasFile = !r.sourceVideoPath.isEmpty();
    if (!hasId && !hasFile)
        add(Kind::Missing, source,
            tr("Choose the video to work on: a video made with this sign-in or a video file."));
    else if (hasId && hasFile)
        add(Kind::NotAllowed, source,
            tr("Use either a video on PixVerse or a video file, not both."));
    // The documented limits (§2.12, §2.14, §2.18), checked when the request knows the facts.
    if (r.mode == GenerationMode::Extend &&
        r.sourceSeconds >= media_limits::kMaxExtendSourceSeconds)
        add(Kind::NotAllowed, source,
            tr("The video is %1 seconds long; PixVerse extends only videos shorter than %2 "
               "seconds.")
                .arg(secondsText(r.sourceSeconds),
                     secondsText(media_limits::kMaxExtendSourceSeconds)));
    if (r.sourceWidth > media_limits::kMaxVideoSide || r.sourceHeight > media_limits::kMaxVideoSide)
        add(Kind::NotAllowed, source,
            tr("The video is %1 × %2 pixels; PixVerse takes at most %3 pixels on either side.")
                .arg(r.sourceWidth)
                .arg(r.sourceHeight)
                .arg(media_limits::kMaxVideoSide));
    if (r.mode != GenerationMode::LipSync)
        return;

    // Lip sync: exactly one audio source, a file or a voice with its text (§2.18).
    const QString audio = QStringLiteral("audioPath");
    const QString speaker = QStringLiteral("speakerId");
    const QString text = QStringLiteral("speechText");
    const bool hasAudio = !r.audioPath.isEmpty();
    const bool hasSpeaker = !r.speakerId.trimmed().isEmpty();
    const bool hasText = !r.speechText.trimmed().isEmpty();
    if (!hasAudio && !hasSpeaker && !hasText) {
        add(Kind::Missing, audio,
            tr("Choose what the person says: an audio file, or a voice and a text."),
            {audio, speaker, text});
        return;
    }
    if (hasAudio && (hasSpeaker || hasText)) {
        add(Kind::NotAllowed, audio,
            tr("Use either an audio file or a voice with a text, not both."),
            {audio, speaker, text});
        return;
    }
    if (hasAudio) {
        if (r.audioSeconds > media_limits::kMaxUploadSeconds)
            add(Kind::NotAllowed, audio,
                tr("The audio is %1 seconds long; lip sync takes at most %2 seconds.")
                    .arg(secondsText(r.audioSeconds),
                         secondsText(media_limits::kMaxUploadSeconds)));
        return;
    }
    if (!hasText)
        add(Kind::Missing, text, tr("Write the text the voice should say."));
    else if (!hasSpeaker)
        add(Kind::Missing, speaker, tr("Choose the voice that says the text."));
    if (promptLength(r.speechText) > m_speechTextMaxLength)
        add(Kind::TooLong, text,
            tr("The text has %1 characters; lip sync takes at most %2.")
                .arg(promptLength(r.speechText))
                .arg(m_speechTextMaxLength));
}

std::optional<int> ModelCatalog::operationCost(const GenerationRequest& request) const {
    switch (request.mode) {
    case GenerationMode::SoundEffect:
        // 10 credits per started 5 s of the video (§2.9); its length unknown: no price.
        if (request.sourceSeconds <= 0)
            return std::nullopt;
        return 10 * startedUnits(request.sourceSeconds, 5.0);
    case GenerationMode::LipSync:
        if (!request.audioPath.isEmpty()) {
            // 4 credits per second of audio, rounded up (§2.9).
            if (request.audioSeconds <= 0)
                return std::nullopt;
            return 4 * startedUnits(request.audioSeconds, 1.0);
        }
        if (request.speechText.trimmed().isEmpty())
            return std::nullopt;
        // 4 credits per 15 bytes of UTF-8 text, rounded up (§2.9).
        return 4 * static_cast<int>((request.speechText.toUtf8().size() + 14) / 15);
    default:
        // Upscale: no published price (§2.9); the answer's `credits` tells it afterwards.
        return std::nullopt;
    }
}

} // namespace pixverse
