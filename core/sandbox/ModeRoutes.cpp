#include "core/sandbox/ModeRoutes.h"

#include "core/media/MediaLimits.h"
#include "core/sandbox/OutputSize.h"
#include "core/sandbox/SandboxRules.h"

#include <QJsonDocument>

namespace pixverse::sandbox {

namespace {

const QString kUpload = QStringLiteral("media/upload");
const QString kTransition = QStringLiteral("video/transition/generate");
const QString kExtend = QStringLiteral("video/extend/generate");
const QString kUpscale = QStringLiteral("video/upscale/generate");
const QString kSound = QStringLiteral("video/sound_effect/generate");
const QString kLipSync = QStringLiteral("video/lip_sync/generate");
const QString kSpeakers = QStringLiteral("video/tts_speaker");
const QString kLegacySpeakers = QStringLiteral("video/lip_sync/tts_list");

HttpAnswer refused(qint64 errCode, const QString& message = {}) {
    return envelope(errCode, message.isEmpty() ? errMessage(errCode) : message);
}

HttpAnswer refused(const Refusal& refusal) {
    return envelope(refusal.errCode, refusal.message);
}

//! An optional int64 id field: empty when absent or null, a 400013 answer when not an integer.
std::variant<HttpAnswer, std::optional<qint64>> idField(const QJsonObject& body, const char* name) {
    if (!hasValue(body, name))
        return std::optional<qint64>();
    const auto id = exactInteger(body.value(QLatin1String(name)));
    if (!id || !isIntegral(body.value(QLatin1String(name))))
        return refused(400013,
                       QStringLiteral("\"%1\" must be an integer").arg(QLatin1String(name)));
    return std::optional<qint64>(id);
}

//! An optional string field: empty when absent or null, a 400013 answer when not a string.
std::variant<HttpAnswer, QString> textField(const QJsonObject& body, const char* name) {
    if (!hasValue(body, name))
        return QString();
    const QJsonValue value = body.value(QLatin1String(name));
    if (!value.isString())
        return refused(400013, QStringLiteral("\"%1\" must be a string").arg(QLatin1String(name)));
    return value.toString();
}

//! The quality an uploaded video of that size would have had: its short side, rounded up.
QString qualityOfSize(QSize size) {
    const int shortSide = std::min(size.width(), size.height());
    for (const int q : {360, 540, 720})
        if (shortSide <= q)
            return QStringLiteral("%1p").arg(q);
    return QStringLiteral("1080p");
}

QString nextQuality(const QString& quality) {
    static const QStringList order{QStringLiteral("360p"), QStringLiteral("540p"),
                                   QStringLiteral("720p"), QStringLiteral("1080p")};
    const qsizetype at = order.indexOf(quality);
    return at < 0 ? QString() : order.at(std::min<qsizetype>(at + 1, order.size() - 1));
}

} // namespace

ModeRoutes::ModeRoutes(SandboxState& state)
    : m_state(state) {}

GenerationRequest ModeRoutes::Source::continuedBy(GenerationMode mode) const {
    GenerationRequest r;
    r.mode = mode;
    r.model = model;
    r.quality = quality;
    r.aspectRatio = aspectRatio;
    r.sourceVideoId = videoId ? videoId : mediaId;
    r.sourceSeconds = seconds;
    r.sourceWidth = size.width();
    r.sourceHeight = size.height();
    return r;
}

std::optional<bool> ModeRoutes::handles(const QString& endpoint) const {
    static const QStringList posts{kUpload, kTransition, kExtend, kUpscale, kSound, kLipSync};
    if (posts.contains(endpoint))
        return true;
    if (endpoint == kLegacySpeakers ||
        (endpoint == kSpeakers && !m_state.m_config.speakerRouteMissing))
        return false;
    return std::nullopt;
}

HttpAnswer ModeRoutes::answer(const HttpRequest& request, const QString& endpoint,
                              const QString& key) {
    if (endpoint == kUpload)
        return upload(request, key);
    if (endpoint == kSpeakers || endpoint == kLegacySpeakers)
        return speakers(request, endpoint == kLegacySpeakers);
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return envelope(400013, QStringLiteral("The request body is not a JSON object"), {}, 400);
    const QJsonObject body = doc.object();
    if (endpoint == kTransition)
        return transition(body, key);
    if (endpoint == kExtend)
        return extend(body, key);
    if (endpoint == kUpscale)
        return upscale(body, key);
    if (endpoint == kSound)
        return soundEffect(body, key);
    return lipSync(body, key);
}

const ModeRoutes::Media* ModeRoutes::media(qint64 id) const {
    const auto found = m_media.constFind(id);
    return found == m_media.cend() ? nullptr : &*found;
}

QByteArray ModeRoutes::uploadedBytes(qint64 id, QByteArray* contentType) const {
    const Media* m = media(id);
    if (!m)
        return {};
    *contentType = m->mimeType;
    return m->bytes;
}

std::variant<HttpAnswer, ModeRoutes::Source> ModeRoutes::videoSource(const QJsonObject& body,
                                                                     const QString& key) const {
    const auto videoId = idField(body, "source_video_id");
    if (const auto* refusal = std::get_if<HttpAnswer>(&videoId))
        return *refusal;
    const auto mediaId = idField(body, "video_media_id");
    if (const auto* refusal = std::get_if<HttpAnswer>(&mediaId))
        return *refusal;
    const std::optional<qint64> video = std::get<std::optional<qint64>>(videoId);
    const std::optional<qint64> uploaded = std::get<std::optional<qint64>>(mediaId);
    // "Either …, not both" (§2.14): both → 400017, neither → 400011 (inferred codes, §6).
    if (video && uploaded)
        return refused(400017, QStringLiteral("Send source_video_id or video_media_id, not both"));
    if (!video && !uploaded)
        return refused(400011, QStringLiteral("source_video_id or video_media_id is required"));

    Source source;
    if (video) {
        // Another key's video is as unknown as a made-up id (500008); this key's video must be
        // finished: deleted → 500064, still generating or failed → 400017 (inferred).
        const auto found = m_state.m_videos.constFind(*video);
        if (found == m_state.m_videos.cend() || found->owner != key || found->web)
            return refused(500008);
        const int status = m_state.status(*found);
        if (status == 6)
            return refused(500064);
        if (status != 1)
            return refused(400017,
                           QStringLiteral("The video %1 is not a finished video (status %2)")
                               .arg(*video)
                               .arg(status));
        source.size = found->size;
        source.clipSeconds = found->clipSeconds;
        source.seconds = found->seconds > 0 ? found->seconds : found->request.duration;
        source.hasAudio = found->hasAudio;
        source.quality = found->request.quality;
        source.model = found->request.model;
        source.aspectRatio = found->request.aspectRatio;
        source.videoId = *video;
        return source;
    }
    const Media* m = media(*uploaded);
    if (!m || m->owner != key)
        return refused(500008);
    if (!m->video)
        return refused(400017,
                       QStringLiteral("The media %1 is an audio file, not a video").arg(m->id));
    // The result follows the upload's size; the sample clip closest to it stands in for it.
    source.size = nearestClipSize(m->size);
    source.clipSeconds = clipSecondsFor(source.size, m->hasAudio, static_cast<int>(m->seconds));
    source.seconds = m->seconds;
    source.hasAudio = m->hasAudio;
    source.quality = qualityOfSize(m->size);
    source.mediaId = m->id;
    return source;
}

HttpAnswer ModeRoutes::transition(const QJsonObject& body, const QString& key) {
    const SandboxRules& rules = m_state.m_rules;
    auto read = rules.readBody(body, ApiFamily::OpenApi, GenerationMode::Transition);
    if (const auto* refusal = std::get_if<Refusal>(&read))
        return refused(*refusal);
    GenerationRequest& r = std::get<GenerationRequest>(read);

    // Both frames, each an image of this key (400032 otherwise, as i2v's img_id).
    QSize firstSize;
    for (const char* name : {"first_frame_img", "last_frame_img"}) {
        const auto field = idField(body, name);
        if (const auto* refusal = std::get_if<HttpAnswer>(&field))
            return *refusal;
        const std::optional<qint64> id = std::get<std::optional<qint64>>(field);
        if (!id)
            return refused(400011, QStringLiteral("\"%1\" is required").arg(QLatin1String(name)));
        const auto image = m_state.m_images.constFind(*id);
        if (image == m_state.m_images.cend() || image->owner != key)
            return refused(400032);
        const bool first = QByteArrayView(name) == "first_frame_img";
        if (first)
            firstSize = image->size;
        r.images << RequestImage{first ? RequestImage::Role::FirstFrame
                                       : RequestImage::Role::LastFrame,
                                 QStringLiteral("sandbox:%1").arg(*id), QString()};
    }
    // aspect_ratio is not read: the first frame's aspect decides (§2.13, §6).
    const auto verdict = m_state.judge(r, ApiFamily::OpenApi, firstSize);
    if (const auto* refusal = std::get_if<HttpAnswer>(&verdict))
        return *refusal;
    const auto [cost, size] = std::get<SandboxState::Accepted>(verdict);
    return m_state.createVideo(key, SandboxState::NewVideo{r, cost, size, r.audio, 1, 0});
}

HttpAnswer ModeRoutes::extend(const QJsonObject& body, const QString& key) {
    const SandboxRules& rules = m_state.m_rules;
    auto read = rules.readBody(body, ApiFamily::OpenApi, GenerationMode::Extend);
    if (const auto* refusal = std::get_if<Refusal>(&read))
        return refused(*refusal);
    GenerationRequest& r = std::get<GenerationRequest>(read);
    if (!r.model.isEmpty() && rules.modelIds(ApiFamily::OpenApi).contains(r.model) &&
        !rules.extends(r.model, ApiFamily::OpenApi))
        return refused(400017, QStringLiteral("%1 does not extend videos").arg(r.model));

    const auto found = videoSource(body, key);
    if (const auto* refusal = std::get_if<HttpAnswer>(&found))
        return *refusal;
    const Source source = std::get<Source>(found);
    // §2.14: the source is shorter than 40 s and at most 1920 px on either side.
    if (source.seconds >= media_limits::kMaxExtendSourceSeconds)
        return refused(400017, QStringLiteral("The source video is %1 s long; it must be shorter "
                                              "than %2 s")
                                   .arg(source.seconds)
                                   .arg(media_limits::kMaxExtendSourceSeconds));
    if (std::max(source.size.width(), source.size.height()) > media_limits::kMaxVideoSide)
        return refused(400017, QStringLiteral("The source video is larger than %1 px")
                                   .arg(media_limits::kMaxVideoSide));
    r.aspectRatio =
        nearestAspectRatio(source.size, rules.aspectRatios(r.model, ApiFamily::OpenApi));
    r.sourceVideoId = source.videoId ? source.videoId : source.mediaId;
    if (const std::optional<Refusal> refusal = rules.refusal(r, ApiFamily::OpenApi))
        return refused(*refusal);

    // The result keeps the source's size and is one clip-second longer (as long as the sample
    // clips go); the service counts the source's length plus the new part.
    const bool audio = r.audio || source.hasAudio;
    const int clipSeconds = clipSecondsFor(source.size, audio, source.clipSeconds + 1);
    return m_state.createVideo(key, SandboxState::NewVideo{r, rules.price(r, ApiFamily::OpenApi),
                                                           source.size, audio, clipSeconds,
                                                           source.seconds + r.duration});
}

HttpAnswer ModeRoutes::upscale(const QJsonObject& body, const QString& key) {
    const auto found = videoSource(body, key);
    if (const auto* refusal = std::get_if<HttpAnswer>(&found))
        return *refusal;
    const Source source = std::get<Source>(found);
    const SandboxRules& rules = m_state.m_rules;

    // The next quality up by the source's own size rule; 1080p stays 1080p (none is higher).
    GenerationRequest r = source.continuedBy(GenerationMode::Upscale);
    r.quality = nextQuality(source.quality);
    QSize size;
    if (source.videoId) {
        GenerationRequest sized = r;
        sized.mode = GenerationMode::TextToVideo; // sized by its stored aspect ratio
        size = rules.fitOutput(sized, ApiFamily::OpenApi);
    }
    if (!size.isValid() || !hasClip(size, source.hasAudio, 1))
        size = nextLargerClipSize(source.size);
    const int clipSeconds = clipSecondsFor(size, source.hasAudio, source.clipSeconds);
    return m_state.createVideo(
        key, SandboxState::NewVideo{r, rules.upscalePrice(source.quality, source.seconds), size,
                                    source.hasAudio, clipSeconds, source.seconds});
}

HttpAnswer ModeRoutes::soundEffect(const QJsonObject& body, const QString& key) {
    // The docs name the description sound_effect_content, a 2026 kit sends prompt (§2.17): both
    // are read; sent together they must agree.
    const auto content = textField(body, "sound_effect_content");
    if (const auto* refusal = std::get_if<HttpAnswer>(&content))
        return *refusal;
    const auto prompt = textField(body, "prompt");
    if (const auto* refusal = std::get_if<HttpAnswer>(&prompt))
        return *refusal;
    const QString described = std::get<QString>(content);
    const QString prompted = std::get<QString>(prompt);
    if (!described.isEmpty() && !prompted.isEmpty() && described != prompted)
        return refused(400017, QStringLiteral("sound_effect_content and prompt disagree"));
    if (hasValue(body, "original_sound_switch") &&
        !body.value(QLatin1String("original_sound_switch")).isBool())
        return refused(400013, QStringLiteral("\"original_sound_switch\" must be true or false"));
    const auto model = textField(body, "model"); // "reserved for future use": type only
    if (const auto* refusal = std::get_if<HttpAnswer>(&model))
        return *refusal;

    const auto found = videoSource(body, key);
    if (const auto* refusal = std::get_if<HttpAnswer>(&found))
        return *refusal;
    const Source source = std::get<Source>(found);
    GenerationRequest r = source.continuedBy(GenerationMode::SoundEffect);
    r.prompt = described.isEmpty() ? prompted : described;
    r.keepOriginalSound = body.value(QLatin1String("original_sound_switch")).toBool();
    const int clipSeconds = clipSecondsFor(source.size, true, source.clipSeconds);
    return m_state.createVideo(
        key, SandboxState::NewVideo{r, m_state.m_rules.soundEffectPrice(source.seconds),
                                    source.size, true, clipSeconds, source.seconds});
}

HttpAnswer ModeRoutes::lipSync(const QJsonObject& body, const QString& key) {
    // Exactly one audio source: an uploaded audio, or a voice with its text (§2.18).
    const auto audioField = idField(body, "audio_media_id");
    if (const auto* refusal = std::get_if<HttpAnswer>(&audioField))
        return *refusal;
    const auto speakerField = textField(body, "lip_sync_tts_speaker_id");
    if (const auto* refusal = std::get_if<HttpAnswer>(&speakerField))
        return *refusal;
    const auto textValue = textField(body, "lip_sync_tts_content");
    if (const auto* refusal = std::get_if<HttpAnswer>(&textValue))
        return *refusal;
    const std::optional<qint64> audioId = std::get<std::optional<qint64>>(audioField);
    const QString speaker = std::get<QString>(speakerField);
    const QString text = std::get<QString>(textValue);
    const bool tts = !speaker.isEmpty() || !text.isEmpty();
    if (audioId && tts)
        return refused(400017, QStringLiteral("Send audio_media_id or the speaker and its text, "
                                              "not both"));
    if (!audioId && !tts)
        return refused(400011, QStringLiteral("audio_media_id or lip_sync_tts_speaker_id with "
                                              "lip_sync_tts_content is required"));
    if (tts && (speaker.isEmpty() || text.trimmed().isEmpty()))
        return refused(400011, QStringLiteral("lip_sync_tts_speaker_id and lip_sync_tts_content "
                                              "go together"));
    if (tts && !systemSpeakerIds().contains(speaker))
        return refused(400017, QStringLiteral("Unknown speaker \"%1\"").arg(speaker));
    const Media* audio = nullptr;
    if (audioId) {
        audio = media(*audioId);
        if (!audio || audio->owner != key)
            return refused(500008);
        if (audio->video)
            return refused(
                400017,
                QStringLiteral("The media %1 is a video, not an audio file").arg(audio->id));
    }

    const auto found = videoSource(body, key);
    if (const auto* refusal = std::get_if<HttpAnswer>(&found))
        return *refusal;
    const Source source = std::get<Source>(found);
    const SandboxRules& rules = m_state.m_rules;
    GenerationRequest r = source.continuedBy(GenerationMode::LipSync);
    r.speakerId = speaker;
    r.speechText = text;
    r.audioSeconds = audio ? audio->seconds : 0;
    const qint64 cost =
        audio ? rules.lipSyncAudioPrice(audio->seconds) : rules.lipSyncTextPrice(text);
    // The speaking video keeps the source's size and length, now with a sound track.
    const int clipSeconds = clipSecondsFor(source.size, true, source.clipSeconds);
    return m_state.createVideo(
        key, SandboxState::NewVideo{r, cost, source.size, true, clipSeconds, source.seconds});
}

} // namespace pixverse::sandbox
