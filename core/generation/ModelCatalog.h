#pragma once

#include "core/generation/GenerationRequest.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pixverse {

//! One model and everything it allows, as read from the catalog JSON (resources/models.json).
struct ModelSpec {
    QString id;                //!< as sent to the service: "v4.5"
    QString label;             //!< as shown: "PixVerse V4.5"
    bool offered = true;       //!< false: known but not offered yet (prices unsure)
    QList<ApiFamily> families; //!< which API families accept it
    QList<int> durations;
    QStringList qualities;
    QStringList aspectRatios;
    QStringList motionModes;     //!< at least "normal"
    bool styles = false;         //!< accepts `style`
    bool cameraMovement = false; //!< accepts `camera_movement`
    QStringList switches;        //!< "audio", "multiShot", "offPeak"
    //! Forbidden combinations: each is a set of field=value conditions plus the reason shown.
    struct Rule {
        QHash<QString, QStringList> when; //!< field id -> values as text, any of which matches
        QString reason;
    };
    QList<Rule> rules;
    //! credits[motionMode][quality][duration]; a missing entry means the combination has no price.
    QHash<QString, QHash<QString, QHash<int, int>>> credits;
};

//! Why a request cannot be sent, tied to the field that breaks it.
struct RuleViolation {
    enum class Kind {
        Missing,   //!< a required field is empty (service: 400011)
        TooLong,   //!< prompt or negative prompt over the limit (400018)
        NotAllowed //!< a value or combination the service refuses (400017)
    };
    Kind kind = Kind::NotAllowed;
    QString
        field; //!< "prompt", "negativePrompt", "model", "duration", "quality", "aspectRatio",
               //!< "motionMode", "seed", "style", "cameraMovement", "audio", "multiShot", "offPeak"
    QString reason;     //!< one sentence for a creator
    QStringList fields; //!< every field involved (several for a forbidden combination)
};

//! The table of models, their allowed values, forbidden combinations and credit prices.
//! The rules are data: the widgets, the CLI and the sandbox all ask this one table.
class ModelCatalog {
public:
    //! The catalog compiled into the binary (resources/models.json).
    static const ModelCatalog& builtIn();
    //! The built-in catalog, or `dataDir/models.json` when that file parses and has a higher
    //! "version" than the built-in one (a newer table without a rebuild).
    static ModelCatalog load(const QString& dataDir);
    static std::optional<ModelCatalog> fromJson(const QByteArray& json, QString* error = nullptr);

    int version() const { return m_version; }
    //! Characters a prompt may have in this family (the website takes more than the OpenAPI).
    int promptMaxLength(ApiFamily family = ApiFamily::OpenApi) const {
        return family == ApiFamily::Web ? m_webPromptMaxLength : m_promptMaxLength;
    }
    //! Characters a negative prompt may have (both families).
    int negativePromptMaxLength() const { return m_negativePromptMaxLength; }
    qint64 seedMax() const { return m_seedMax; }
    QStringList styles() const { return m_styles; }
    QStringList cameraMovements() const { return m_cameraMovements; }
    QStringList textToVideoOnlyCameraMovements() const { return m_t2vOnlyCameraMovements; }
    //! Switch ids ("audio", "multiShot", "offPeak") this family accepts at all.
    QStringList switchesFor(ApiFamily family) const;
    //! The switch's label from the table, translated (resources/translations has the table's
    //! strings).
    QString switchLabel(const QString& switchId) const;

    QList<ModelSpec> models() const { return m_models; }
    //! Models offered for this family, in display order.
    QList<ModelSpec> offeredModels(ApiFamily family) const;
    const ModelSpec* model(const QString& id) const;

    //! Every reason the service would refuse this request's parameters; empty when it is fine.
    QList<RuleViolation> validate(const GenerationRequest& request, ApiFamily family) const;
    //! Why `field` may not take `value` given the rest of `request`; empty when it may.
    std::optional<QString> whyNotAllowed(const GenerationRequest& request, ApiFamily family,
                                         const QString& field, const QString& value) const;
    //! Credits the request costs, or empty when the combination has no price.
    std::optional<int> creditCost(const GenerationRequest& request) const;

private:
    int m_version = 0;
    int m_promptMaxLength = 2048;
    int m_webPromptMaxLength = 2048;
    int m_negativePromptMaxLength = 2048;
    qint64 m_seedMax = 2147483647;
    QStringList m_styles;
    QStringList m_cameraMovements;
    QStringList m_t2vOnlyCameraMovements;
    QHash<QString, QList<ApiFamily>> m_switchFamilies;
    QHash<QString, QString> m_switchLabels;
    QList<ModelSpec> m_models;
};

} // namespace pixverse
