#pragma once

#include "core/sandbox/SandboxState.h"
#include "core/sandbox/TemplateList.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace pixverse::sandbox {

//! The OpenAPI routes of issue 17 on top of the shared SandboxState (../shared/pixverse-api.md
//! §2.15, §2.19, §6): the effect template list with its preview media (TemplateRoutes.cpp),
//! t2v/i2v with `template_id` (500070, 500071, `img_ids`) and reference-to-video
//! (`/video/fusion/generate`, FusionRoutes.cpp). Every create goes through
//! SandboxState::createVideo, so credits, concurrency, trace-id replay, statuses, refunds and
//! persistence are those of t2v and i2v. The key and the trace id are checked by
//! SandboxState::openApi before any of these runs.
class EffectRoutes {
public:
    explicit EffectRoutes(SandboxState& state);

    //! Whether `endpoint` (after `/openapi/v2/`) is one of these routes: true for a POST route,
    //! false for a GET one, empty when it is none.
    std::optional<bool> handles(const QString& endpoint) const;
    HttpAnswer answer(const HttpRequest& request, const QString& endpoint, const QString& key);
    //! A `/video/img/generate` (imageToVideo) or `/video/text/generate` body with `template_id`.
    HttpAnswer templateGenerate(const QJsonObject& body, const QString& key, bool imageToVideo);
    //! A template's preview (`mp4`) or still (`jpg`), served at `/media/template/<id>.<ext>`, and
    //! its content type; empty when there is none.
    QByteArray previewBytes(qint64 templateId, const QString& extension, QByteArray* contentType);
    //! The template with that id among the configured count; null if none.
    const SandboxTemplate* findTemplate(qint64 id) const;

private:
    HttpAnswer templateList(const HttpRequest& request) const;
    QJsonObject templateItem(const SandboxTemplate& t, bool russian) const;
    //! Checks a template generation's images (`img_id` or `img_ids`, as many as `effect_type`):
    //! the refusal, or the ids (the first decides an image-to-video's shape).
    std::variant<HttpAnswer, QList<qint64>> templateImages(const QJsonObject& body,
                                                           const SandboxTemplate& t,
                                                           const QString& key,
                                                           bool imageToVideo) const;
    HttpAnswer fusion(const QJsonObject& body, const QString& key);
    //! Reads and checks `image_references` for `model`: the refusal, or the references as
    //! request images ("sandbox:<img_id>", role and name).
    std::variant<HttpAnswer, QList<RequestImage>>
    fusionReferences(const QJsonObject& body, const QString& model, const QString& key) const;

    SandboxState& m_state;
    QList<SandboxTemplate> m_templates;
    QHash<qint64, qsizetype> m_indexById;
    QHash<QString, QByteArray> m_previewBytes; // by file name, read once
};

} // namespace pixverse::sandbox
