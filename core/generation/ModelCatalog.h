#pragma once

#include "core/generation/GenerationRequest.h"

#include <QHash>
#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace pixverse {

//! One model and everything it allows, as read from the catalog JSON (resources/models.json,
//! version 3). What differs between the API families (the id sent, the modes, aspect ratios,
//! prompt limit, switches, whether it is offered) is asked per family.
struct ModelSpec {
    //! The part of a model that one API family sees differently.
    struct FamilyEntry {
        QString serviceId; //!< as this family's requests send it: "c1" / "pixverse-c1"
        bool offered = true;
        QStringList modes; //!< generationModeId()s
        QStringList aspectRatios;
        int promptMaxLength = 2048;
        QStringList switches; //!< the model's switches this family has
        //! Modes offered here even where the model is not (`offered` false): v5.5 makes fusion
        //! on the OpenAPI and nothing else the client offers (§2.11, §2.15).
        QStringList offeredModes;
    };
    //! How many references a fusion may have (§2.15; the table's "fusion"). A model without the
    //! entry has all three at 0 (it makes no fusion). Subjects and backgrounds default to
    //! maxImages when the table gives no separate limit; V6 has ≤ 8 subjects and ≤ 2
    //! backgrounds, but never more than 7 images in all.
    struct FusionLimits {
        int maxImages = 0;
        int maxSubjects = 0;
        int maxBackgrounds = 0;
    };
    //! How the quality names the output size (§2.11): the short side (v3.5–v5.x, 540p 16:9 is
    //! 960×540) or the long edge (V6, C1: 540p 16:9 is 1024×576).
    enum class Sizing { ShortSide, LongEdge };
    struct PerSecondPrice {
        int withoutAudio = 0;
        int withAudio = 0;
    };
    //! credits[motionMode][quality][duration]; a missing entry means no price.
    using ClipPrices = QHash<QString, QHash<QString, QHash<int, int>>>;
    //! A forbidden combination: field=value conditions plus the reason shown.
    struct Rule {
        QHash<QString, QStringList> when; //!< field id -> values as text, any of which matches
        QString reason;
    };

    QString id;    //!< the catalog's id, the OpenAPI's: "v4.5", "c1"
    QString label; //!< as shown: "PixVerse V4.5"
    //! false: known but offered in no family, except the modes a family lists in offeredModes
    bool offered = true;
    QList<ApiFamily> families; //!< which API families accept it (offered there or not)
    QStringList qualities;
    QStringList motionModes;     //!< empty: the model takes no motion_mode (v5 and newer)
    QStringList styles;          //!< the styles it takes; empty: no `style`
    bool cameraMovement = false; //!< accepts `camera_movement`
    bool waterMark = false;      //!< the OpenAPI body carries `water_mark` (v3.5–v5.x)
    //! false: the service records the seed but does not reproduce a run from it (V6, §2.11), so
    //! the same seed gives a variation.
    bool seedReproduces = true;
    Sizing sizing = Sizing::ShortSide;
    QList<Rule> rules;
    ClipPrices credits;          //!< per clip (v3.5–v5.x); with audio see creditsWithAudio
    ClipPrices creditsWithAudio; //!< per clip with sound on (v5.6's partial table)
    QHash<QString, PerSecondPrice> creditsPerSecond; //!< by quality (V6, C1); empty: per clip
    FusionLimits fusion; //!< reference limits, for the composer's strip, the CLI and validate()

    QString serviceId(ApiFamily family) const;
    //! Offered for every mode it makes in this family.
    bool offeredFor(ApiFamily family) const;
    //! Offered for `mode` in this family: offeredFor(family) and makes it, or lists it in the
    //! family's offeredModes.
    bool offeredFor(ApiFamily family, GenerationMode mode) const;
    QStringList modes(ApiFamily family) const;
    bool takesMode(GenerationMode mode, ApiFamily family) const;
    QStringList aspectRatios(ApiFamily family) const;
    int promptMaxLength(ApiFamily family) const;
    //! Switch ids ("audio", "multiClip", "offPeak") the model has in this family.
    QStringList switches(ApiFamily family) const;
    bool hasSwitch(const QString& switchId, ApiFamily family) const;
    //! Every duration it takes, in seconds, ascending (a range expanded).
    QList<int> durations() const { return m_durations; }
    int minDuration() const { return m_durations.isEmpty() ? 0 : m_durations.first(); }
    int maxDuration() const { return m_durations.isEmpty() ? 0 : m_durations.last(); }
    //! Any whole second from min to max (V6, C1: a slider) rather than a short list (5 or 8).
    bool durationIsRange() const { return m_durationIsRange; }
    bool takesDuration(int seconds) const { return m_durations.contains(seconds); }
    //! The motion modes a creator can pick: motionModes, or just "normal" when the body has none.
    QStringList motionChoices() const;
    bool takesStyle() const { return !styles.isEmpty(); }
    bool pricedPerSecond() const { return !creditsPerSecond.isEmpty(); }
    //! The output size for a text-to-video of this quality and aspect ratio; invalid when either
    //! is unknown.
    QSize outputSize(const QString& quality, const QString& aspectRatio) const;

private:
    friend class ModelCatalog;
    const FamilyEntry* entry(ApiFamily family) const;
    std::optional<FamilyEntry> m_openApi;
    std::optional<FamilyEntry> m_web;
    QList<int> m_durations;
    bool m_durationIsRange = false;
    QHash<QString, int> m_longEdges; //!< quality → long edge, for Sizing::LongEdge
};

//! Why a request cannot be sent, tied to the field that breaks it.
struct RuleViolation {
    enum class Kind {
        Missing,   //!< a required field is empty (service: 400011)
        TooLong,   //!< prompt or negative prompt over the limit (400018)
        NotAllowed //!< a value or combination the service refuses (400017)
    };
    Kind kind = Kind::NotAllowed;
    //! "prompt", "negativePrompt", "mode", "images", "model", "duration", "quality",
    //! "aspectRatio", "motionMode", "seed", "style", "cameraMovement", "audio", "multiClip",
    //! "offPeak"; the inputs of the later modes: "source" (sourceVideoId / sourceVideoPath),
    //! "audioPath", "speakerId", "speechText"; an effect's "template" (none chosen, not
    //! activated: 500070); fusion's "references" (count, names, an `@name` of the prompt without
    //! a reference: then `fields` also holds "prompt")
    QString field;
    QString reason;     //!< one sentence for a creator
    QStringList fields; //!< every field involved (several for a forbidden combination)
};

//! One setting fitToModel() changed, and why (a translated sentence).
struct SettingChange {
    QString field; //!< as RuleViolation::field
    QString from;
    QString to;
    QString reason;
};

//! The table of models, their allowed values, forbidden combinations and credit prices.
//! The rules are data: the widgets, the CLI and the backends all ask this one table.
class ModelCatalog {
public:
    //! The catalog compiled into the binary (resources/models.json).
    static const ModelCatalog& builtIn();
    //! The built-in catalog, or `dataDir/models.json` when that file parses and has a higher
    //! "version" than the built-in one (a newer table without a rebuild).
    static ModelCatalog load(const QString& dataDir);
    static std::optional<ModelCatalog> fromJson(const QByteArray& json, QString* error = nullptr);

    int version() const { return m_version; }
    //! The family's usual prompt limit (the website takes more than the OpenAPI); a model may
    //! differ (V6: 5000): see promptMaxLength(model, family).
    int promptMaxLength(ApiFamily family = ApiFamily::OpenApi) const {
        return family == ApiFamily::Web ? m_webPromptMaxLength : m_promptMaxLength;
    }
    //! The prompt limit of `modelId` in this family; the family's when the model is unknown.
    int promptMaxLength(const QString& modelId, ApiFamily family) const;
    //! Characters a negative prompt may have (every model, both families).
    int negativePromptMaxLength() const { return m_negativePromptMaxLength; }
    qint64 seedMax() const { return m_seedMax; }
    //! Every style any model takes (a model's own list: ModelSpec::styles).
    QStringList styles() const { return m_styles; }
    QStringList cameraMovements() const { return m_cameraMovements; }
    QStringList textToVideoOnlyCameraMovements() const { return m_t2vOnlyCameraMovements; }
    //! Switch ids ("audio", "multiClip", "offPeak") this family accepts at all.
    QStringList switchesFor(ApiFamily family) const;
    //! The switch's label from the table, translated (resources/translations has the table's
    //! strings).
    QString switchLabel(const QString& switchId) const;

    QList<ModelSpec> models() const { return m_models; }
    //! Models offered for this family, newest first.
    QList<ModelSpec> offeredModels(ApiFamily family) const;
    //! Models offered for this family that make `mode`, newest first; empty for a mode without a
    //! model (modeTakesModel() false) and for a mode the family has no request for.
    QList<ModelSpec> offeredModels(ApiFamily family, GenerationMode mode) const;
    //! The newest model the family is offered (V6).
    QString defaultModel(ApiFamily family) const;
    //! The newest offered model that makes `mode` here; empty when there is none (or the mode
    //! takes no model).
    QString defaultModel(ApiFamily family, GenerationMode mode) const;

    //! Whether a creator picks a model for `mode`. Upscale, sound effect and lip sync take none:
    //! their bodies carry no model, or a "reserved" one (§2.16–§2.18); request.model is ignored.
    static bool modeTakesModel(GenerationMode mode);
    //! Whether `family` has a documented request for `mode`: for a mode with models, whether an
    //! offered model makes it there; for one without, the table's "operations" (the OpenAPI
    //! only, §3.13).
    bool familyOffersMode(GenerationMode mode, ApiFamily family) const;
    //! Characters lip sync's text may have. No limit is documented; the table's value (2048, the
    //! OpenAPI's prompt limit, §2.2) is an inference.
    int speechTextMaxLength() const { return m_speechTextMaxLength; }
    //! By the catalog's id or any family's service id ("c1" and "pixverse-c1" are one model).
    const ModelSpec* model(const QString& id) const;

    //! Every reason the service would refuse this request's parameters; empty when it is fine.
    QList<RuleViolation> validate(const GenerationRequest& request, ApiFamily family) const;
    //! Why `field` may not take `value` given the rest of `request`; empty when it may.
    std::optional<QString> whyNotAllowed(const GenerationRequest& request, ApiFamily family,
                                         const QString& field, const QString& value) const;
    //! Credits the request costs, or empty when it has no price (§2.9): t2v, i2v, transition,
    //! extend, effect (the model's t2v/i2v price) and fusion (image references only; its body has
    //! no motion mode, so "normal") per second × duration for V6/C1 (with or without sound), per
    //! clip for the older models; sound effect 10 per started 5 s of the source (sourceSeconds;
    //! unknown length: no price); lip sync 4 per started second of audio (audioSeconds) or 4 per
    //! started 15 UTF-8 bytes of text; upscale: none (unpublished: the service says what it
    //! charged).
    std::optional<int> creditCost(const GenerationRequest& request) const;
    //! Credits per second of output for a per-second model; empty for a per-clip one.
    std::optional<int> creditsPerSecond(const GenerationRequest& request) const;
    //! After `request.model` changed: keeps every setting still valid, moves each other one to
    //! the nearest valid value (duration: nearest allowed; quality, aspect ratio: the model's
    //! default; switches off; style and camera movement cleared) and says what changed and why.
    QList<SettingChange> fitToModel(GenerationRequest& request, ApiFamily family) const;

private:
    static std::optional<ModelSpec> readModel(const QJsonObject& json, const ModelCatalog& c,
                                              QString* error);
    void addValueViolations(const GenerationRequest& r, const ModelSpec& spec, ApiFamily family,
                            QList<RuleViolation>& out) const;
    void addTextViolations(const GenerationRequest& r, const ModelSpec* spec, ApiFamily family,
                           QList<RuleViolation>& out) const;
    //! The inputs a mode needs (frames, a source video, lip sync's audio) and their limits.
    void addInputViolations(const GenerationRequest& r, QList<RuleViolation>& out) const;
    //! An effect's template facts (chosen, activated, its image count and qualities).
    static void addEffectViolations(const GenerationRequest& r, QList<RuleViolation>& out);
    //! Fusion's references: at least one, the model's counts, valid unique names, and every
    //! `@name` of the prompt known.
    static void addReferenceViolations(const GenerationRequest& r, const ModelSpec& spec,
                                       QList<RuleViolation>& out);
    //! A mode without a model: its price from the facts the request carries.
    std::optional<int> operationCost(const GenerationRequest& request) const;

    int m_version = 0;
    int m_promptMaxLength = 2048;
    int m_webPromptMaxLength = 2048;
    int m_negativePromptMaxLength = 2048;
    qint64 m_seedMax = 2147483647;
    int m_speechTextMaxLength = 2048;
    //! generationModeId → the families with a request for that model-less mode
    QHash<QString, QList<ApiFamily>> m_operationFamilies;
    QStringList m_styles;
    QStringList m_cameraMovements;
    QStringList m_t2vOnlyCameraMovements;
    QHash<QString, QList<ApiFamily>> m_switchFamilies;
    QHash<QString, QString> m_switchLabels;
    QHash<QString, int> m_longEdges;
    QList<ModelSpec> m_models;
};

} // namespace pixverse
