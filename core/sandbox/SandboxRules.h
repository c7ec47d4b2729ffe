#pragma once

#include "core/generation/GenerationRequest.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <variant>

namespace pixverse::sandbox {

//! A refusal as the service answers it: the envelope's ErrCode and ErrMsg.
struct Refusal {
    qint64 errCode = 0;
    QString message;
};

//! The sandbox's own copy of the documented generation rules (core/sandbox/rules.json, written
//! from ../shared/pixverse-api.md), kept apart from the client's ModelCatalog on purpose: a
//! misreading in the client's table then shows up as a disagreement in a test (tst_rulesweep)
//! instead of being mirrored by the server it is tested against.
class SandboxRules {
public:
    //! The rules compiled into the sandbox (":/pixverse/sandbox/rules.json").
    static const SandboxRules& builtIn();
    static std::optional<SandboxRules> fromJson(const QByteArray& json, QString* error = nullptr);

    //! Reads a t2v/i2v body of `family` into a request: a field of the wrong JSON type → 400013,
    //! a missing required field → 400011, a duration or seed outside its integer range → 400017.
    //! The values themselves are judged by refusal(). An i2v request's imagePath is "sandbox:"
    //! followed by the img_id (OpenAPI) or the customer_img_path (web).
    std::variant<GenerationRequest, Refusal> readBody(const QJsonObject& body, ApiFamily family,
                                                      bool imageToVideo) const;
    //! The same for any mode: transition and extend require prompt, model, duration and quality
    //! (their frames and sources are the routes' to check) and take no aspect ratio.
    std::variant<GenerationRequest, Refusal> readBody(const QJsonObject& body, ApiFamily family,
                                                      GenerationMode mode) const;
    //! Why the service refuses these parameters (400011 empty, 400018 too long, 400017 not
    //! allowed), or empty when it accepts them.
    std::optional<Refusal> refusal(const GenerationRequest& request, ApiFamily family) const;
    //! readBody(), then refusal().
    std::variant<GenerationRequest, Refusal> judge(const QJsonObject& body, ApiFamily family,
                                                   bool imageToVideo) const;

    //! Credits an accepted request costs (§2.9): per clip for v3.5–v5.6, per second with or
    //! without audio for v6 and c1; unknownPriceCredits() where the reference has no price.
    qint64 price(const GenerationRequest& request, ApiFamily family) const;
    qint64 unknownPriceCredits() const { return m_unknownPriceCredits; }
    //! Sound effect (§2.9): 10 credits per started 5 s of the source video.
    qint64 soundEffectPrice(double videoSeconds) const;
    //! Lip sync (§2.9): 4 credits per second of uploaded audio, rounded up …
    qint64 lipSyncAudioPrice(double audioSeconds) const;
    //! … or 4 per 15 bytes of the UTF-8 text a system voice speaks, rounded up.
    qint64 lipSyncTextPrice(const QString& text) const;
    //! Upscale: no price is published (§2.9, uncertain). The sandbox charges the per-second rate
    //! (without audio) of rules.json's upscaleRateModel at the source's quality × its seconds,
    //! rounded up; unknownPriceCredits() for a quality that model has no rate for.
    qint64 upscalePrice(const QString& sourceQuality, double seconds) const;
    //! How many reference images a fusion request (§2.15) of a model may have: in all, and of
    //! each type (-1: no limit of its own).
    struct FusionLimits {
        int images = 0;
        int subjects = -1;
        int backgrounds = -1;
    };
    //! The model's fusion limits; empty when the model makes no fusion videos.
    std::optional<FusionLimits> fusionLimits(const QString& modelId, ApiFamily family) const;
    //! Whether the model continues videos (extend, §2.14: not c1).
    bool extends(const QString& modelId, ApiFamily family) const;
    //! The output size of an accepted request. For image-to-video the request's aspect ratio is
    //! first set to the model's ratio nearest to the image's. Invalid when there is none.
    QSize fitOutput(GenerationRequest& request, ApiFamily family, QSize imageSize = {}) const;

    //! Model ids as `family` takes them ("pixverse-c1" on the web, "c1" on the OpenAPI).
    QStringList modelIds(ApiFamily family) const;
    QList<int> durations(const QString& modelId, ApiFamily family) const;
    QStringList qualities(const QString& modelId, ApiFamily family) const;
    QStringList aspectRatios(const QString& modelId, ApiFamily family) const;
    QStringList motionModes(const QString& modelId, ApiFamily family) const;
    //! The model takes the audio switch (and its videos then have a sound track).
    bool makesAudio(const QString& modelId, ApiFamily family) const;
    //! The prompt limit in code points (negative prompts: negativePromptMaxLength()).
    int promptMaxLength(const QString& modelId, ApiFamily family) const;
    int negativePromptMaxLength() const { return m_negativePromptMaxLength; }
    QStringList notes() const { return m_notes; }

    //! §6: the web family may refuse v3.5–v5.5 (whether the real server still takes them is
    //! unknown, §3.10). rules.json sets the default (on); SandboxConfig the sandbox's.
    void setWebRefusesLegacyModels(bool refuse) { m_web.refuseLegacy = refuse; }
    bool webRefusesLegacyModels() const { return m_web.refuseLegacy; }

private:
    struct Model {
        QString id;
        QList<int> durations;
        QStringList qualities;
        QStringList aspectRatios;
        QHash<QString, QStringList> familyAspectRatios; // by family id, where it differs
        QStringList motionModes;
        bool styles = false;
        QStringList extraStyles;
        bool cameraMovement = false;
        bool audio = false;
        bool multiClip = false;
        std::optional<int> promptMaxLength;
        bool longEdge = false; // the quality names the long edge (§2.11), not the short side
        struct Forbidden {
            QHash<QString, QStringList> when; // "quality", "duration", "motion_mode"
            QString reason;
        };
        QList<Forbidden> forbidden;
        using ClipPrices = QHash<QString, QHash<QString, QHash<int, int>>>; // motion, quality, s
        ClipPrices perClip;
        ClipPrices perClipWithAudio;
        QHash<QString, std::pair<int, int>> perSecond; // quality → without / with audio
    };
    struct Family {
        int promptMaxLength = 2048;
        QHash<QString, QString> models; // id as sent → rules model id
        QStringList legacy;
        bool refuseLegacy = false;
    };

    static std::optional<SandboxRules> read(const QJsonObject& json, QString& why);
    static std::optional<Model> readModel(const QJsonObject& json, QString* error);
    const Family& family(ApiFamily family) const;
    //! The model `id` names in `family`, or null when the family does not take it.
    const Model* model(const QString& id, ApiFamily family) const;
    std::optional<Refusal> valueRefusal(const GenerationRequest& r, const Model& model,
                                        ApiFamily family) const;
    std::optional<Refusal> extrasRefusal(const GenerationRequest& r, const Model& model) const;

    QList<Model> m_models;
    Family m_openApi;
    Family m_web;
    QStringList m_styles; // every model that takes a style takes these (plus its extraStyles)
    QHash<QString, int> m_longEdges; // quality → long edge, for the models sized that way
    QStringList m_cameraMovements;
    QStringList m_t2vOnlyCameraMovements;
    int m_negativePromptMaxLength = 2048;
    qint64 m_seedMax = 2147483647;
    qint64 m_unknownPriceCredits = 50;
    struct ModePrices {
        int soundPerStarted5s = 10;
        int lipSyncPerAudioSecond = 4;
        int lipSyncPer15TextBytes = 4;
        QString upscaleRateModel = QStringLiteral("v6");
        QStringList extendRefused{QStringLiteral("c1")};
        QHash<QString, FusionLimits> fusion; // by rules model id
    } m_modes;
    QStringList m_notes;
};

} // namespace pixverse::sandbox
