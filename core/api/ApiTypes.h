#pragma once

#include "core/api/ApiError.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace pixverse {

//! Either a value or the error that stopped it.
template <typename T> struct Result {
    std::optional<T> value;
    ApiError error;
    bool ok() const { return value.has_value(); }
    static Result success(T v) { return Result{std::move(v), {}}; }
    static Result failure(ApiError e) { return Result{std::nullopt, std::move(e)}; }
};

//! std::optional's interface with the value kept on the heap: 8 bytes while empty. For the
//! inputs of a job that most jobs never have (RequestInputs): as std::optional they made every
//! job in the store's mirror 300 bytes larger (3 MB at 10,000 jobs; issue 20). A value type:
//! copying copies the value.
template <typename T> class HeapOptional {
public:
    HeapOptional() = default;
    HeapOptional(std::nullopt_t) {} // NOLINT: implicit, as std::optional's
    HeapOptional(const T& value)    // NOLINT: implicit, as std::optional's
        : m_value(std::make_unique<T>(value)) {}
    HeapOptional(T&& value) // NOLINT: implicit, as std::optional's
        : m_value(std::make_unique<T>(std::move(value))) {}
    HeapOptional(const std::optional<T>& value) // NOLINT: implicit, as std::optional's
        : m_value(value ? std::make_unique<T>(*value) : nullptr) {}
    HeapOptional(const HeapOptional& other)
        : m_value(other.m_value ? std::make_unique<T>(*other.m_value) : nullptr) {}
    HeapOptional(HeapOptional&&) noexcept = default;
    ~HeapOptional() = default;
    HeapOptional& operator=(const HeapOptional& other) {
        if (this != &other)
            m_value = other.m_value ? std::make_unique<T>(*other.m_value) : nullptr;
        return *this;
    }
    HeapOptional& operator=(HeapOptional&&) noexcept = default;
    HeapOptional& operator=(std::nullopt_t) {
        m_value.reset();
        return *this;
    }
    HeapOptional& operator=(const T& value) {
        m_value = std::make_unique<T>(value);
        return *this;
    }
    HeapOptional& operator=(T&& value) {
        m_value = std::make_unique<T>(std::move(value));
        return *this;
    }

    bool has_value() const { return m_value != nullptr; }
    explicit operator bool() const { return has_value(); }
    T& operator*() { return *m_value; }
    const T& operator*() const { return *m_value; }
    T* operator->() { return m_value.get(); }
    const T* operator->() const { return m_value.get(); }
    const T& value() const {
        if (!m_value)
            throw std::bad_optional_access();
        return *m_value;
    }
    T value_or(T fallback) const { return m_value ? *m_value : std::move(fallback); }
    void reset() { m_value.reset(); }
    template <typename... Args> T& emplace(Args&&... args) {
        m_value = std::make_unique<T>(std::forward<Args>(args)...);
        return *m_value;
    }

private:
    std::unique_ptr<T> m_value;
};

//! An image the service holds, ready to be referred to by a generation.
struct UploadedImage {
    qint64 imageId = 0; //!< OpenAPI `img_id`
    QString url;        //!< OpenAPI `img_url`; web `customer_img_url`
    QString path;       //!< web `customer_img_path`; empty for OpenAPI
    int width = 0;
    int height = 0;
};

//! A video or audio file the service holds (OpenAPI `/media/upload`, §2.12).
struct UploadedMedia {
    enum class Kind { Video, Audio };
    Kind kind = Kind::Video;
    qint64 mediaId = 0; //!< `video_media_id` / `audio_media_id` in the generate bodies
    QString url;
    int width = 0; //!< a video's size when the answer gives it (else what was read locally)
    int height = 0;
};

//! What the uploads of one job returned, by the part each file plays: the generate body refers
//! to these ids instead of files (issue 16).
struct RequestInputs {
    HeapOptional<UploadedImage> start; //!< image-to-video
    HeapOptional<UploadedImage> first; //!< transition
    HeapOptional<UploadedImage> last;  //!< transition
    HeapOptional<UploadedMedia> video; //!< a local source video (extend, upscale, sound, lip sync)
    HeapOptional<UploadedMedia> audio; //!< lip sync with an audio file
    //! An effect's images (issue 17), in the order of the request's Start images: `img_id` when
    //! there is one, `img_ids` when the template takes several.
    QList<UploadedImage> starts;
    //! Fusion's references, in the order of the request's Subject and Background images
    //! (`image_references[].img_id`).
    QList<UploadedImage> references;
};

//! One effect template the account can use (§2.19). The documented list gives the id, the name
//! and the description; the rest is read where the answer carries it (the web's list shape) and
//! stays at its "unknown" value otherwise.
struct EffectTemplate {
    qint64 id = 0;              //!< `template_id`
    QString name;               //!< `display_name`, localised by Accept-Language
    QString prompt;             //!< `display_prompt`
    QString previewUrl;         //!< a preview video; empty when the answer has none
    QString thumbnailUrl;       //!< a still of the preview; empty when none
    QString category;           //!< empty when the service gives none
    int imageCount = 1;         //!< `effect_type`: images it takes (0: a text template)
    QStringList qualities;      //!< allowed qualities; empty: whatever the model allows
    QString model;              //!< `template_model`; empty: the creator's choice
    int duration = 0;           //!< seconds the effect makes; 0: the request's
    std::optional<int> credits; //!< a listed cost, when the answer gives one
    //! Known not to be activated for this key (listed so, or answered 500070): greyed out, and
    //! refused before sending with 500070's sentence.
    bool needsActivation = false;

    friend bool operator==(const EffectTemplate&, const EffectTemplate&) = default;
};

//! One page of the template list request (§2.19).
struct TemplateQuery {
    int page = 1;      //!< from 1
    int pageSize = 50; //!< 10, 20, 50 or 100 only
    QString language;  //!< Accept-Language ("en", "ru"); empty: not sent
    int type = 1;      //!< 1 video templates, 2 image templates, 0 all (not sent)
};

//! A voice lip sync can speak a text with (§2.18).
struct Speaker {
    QString id; //!< `speaker_id`: "1" … "14", "Auto", or a custom voice's id
    QString name;
};

struct CreatedVideo {
    qint64 videoId = 0;
    std::optional<int> credits; //!< some replies say what was charged
};

enum class VideoState {
    Pending,   //!< queued or generating: keep polling
    Succeeded, //!< `url` is usable
    Moderated, //!< refused by moderation; credits refunded
    Failed,    //!< generation failed on the service
    Deleted,   //!< gone from the service
    Unknown    //!< a status value we do not know: keep polling until a time limit
};

struct VideoStatus {
    qint64 videoId = 0;
    VideoState state = VideoState::Unknown;
    int rawStatus = 0; //!< as the service sent it, for logs
    QString url;
    QString coverUrl;
    int width = 0;
    int height = 0;
    std::optional<qint64> seed;
    qint64 sizeBytes = 0;         //!< 0 when unknown
    std::optional<bool> hasAudio; //!< `has_audio` (bool or 0/1); empty when not given
    std::optional<int> credits;   //!< what the job was charged, where the answer says it
};

//! A video the account already has on the service, as its list shows it (web family): the status
//! plus whatever the list says about how it was made. Fields the list leaves out stay empty.
struct RemoteVideo {
    VideoStatus status; //!< `url` only once it succeeded
    QString prompt;
    QString negativePrompt;
    QString model;
    QString quality;
    QString aspectRatio;
    QString motionMode;
    QString style;
    QString cameraMovement;
    int duration = 0;    //!< seconds; 0 when not given
    QDateTime createdAt; //!< UTC; invalid when not given
    QString imageUrl;    //!< the source image of an image-to-video on the service
};

//! The account's videos, newest first, as far as the listing went.
struct RemoteVideoList {
    QList<RemoteVideo> videos;
    bool complete = true; //!< false: stopped at the cap while the service had more
};

struct Balance {
    qint64 accountId = 0;
    qint64 daily = 0; //!< web only
    qint64 monthly = 0;
    qint64 package = 0;
    qint64 total() const { return daily + monthly + package; }
};

//! One page request of the platform's spend ledger (`POST
//! /openapi/v2/account/billing/usage-detail`, pixverse-api.md §2.20). Times are UTC; the range is
//! at most 30 days (the service: 400017).
struct UsageQuery {
    QDateTime start;
    QDateTime end;
    int limit = 100; //!< 1..100
    QString cursor;  //!< the previous page's next_cursor; set: start/end are not sent
};

//! One deduction or refund as the ledger lists it. The item's fields are not documented
//! (§2.20, uncertain): every one is read tolerantly, and the whole item is kept as `raw`.
struct UsageItem {
    qint64 videoId = 0;   //!< `video_id` (number or string); 0 when absent
    QString creationType; //!< `creation_type` ("text_to_video", ...); empty when absent
    qint64 credits = 0;   //!< `credits` (absolute value)
    bool refund = false;  //!< `credits_status` == "refund"
    QDateTime at;         //!< `created_at` (or another time field), UTC; invalid when absent
    QByteArray raw;       //!< the item as the service sent it (compact JSON)
};

struct UsagePage {
    QList<UsageItem> items;
    QString nextCursor;
    bool hasMore = false;
};

//! Cancels the request behind it; harmless once the request is over.
class RequestHandle {
public:
    RequestHandle() = default;
    explicit RequestHandle(std::function<void()> cancel)
        : m_cancel(std::move(cancel)) {}
    void cancel() const {
        if (m_cancel)
            m_cancel();
    }

private:
    std::function<void()> m_cancel;
};

} // namespace pixverse
