#include "app/cli/CliRunner.h"
#include "app/cli/ContinueOptions.h"
#include "app/cli/EffectOptions.h"
#include "core/backend/Backend.h"
#include "core/effects/TemplateLibrary.h"
#include "core/effects/TemplateListModel.h"
#include "core/jobs/JobEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

// CliRunner's effect templates (issue 17): `templates` lists them, `generate --template` finds
// its template in the same list (kept in the CLI's data dir, refreshed at most once a day) and
// goes on as any generate; what the service answers about a template is remembered there.
namespace pixverse {

bool CliRunner::openTemplates() {
    if (!m_backend->offersMode(GenerationMode::Effect)) { // the website lists no templates
        fail(modeNotOffered(GenerationMode::Effect), ExitUsage);
        return false;
    }
    m_library = new TemplateLibrary(templateCacheFile(m_options), this);
    m_library->setLanguage(QString::fromLatin1(kTemplateLanguage));
    m_library->setCatalog(&m_catalog);
    m_library->setBackend(m_backend);
    connect(m_library, &TemplateLibrary::refreshStarted, this,
            [this] { progressLine(tr("Fetching the template list…")); });
    return true;
}

void CliRunner::runTemplates() {
    if (!openTemplates())
        return;
    whenTemplatesCurrent(
        *m_library, m_options.refreshTemplates, this, [this](const QString& error) {
            if (!error.isEmpty()) {
                if (m_library->templates().isEmpty()) {
                    fail(error, ExitTransient);
                    return;
                }
                progressLine(
                    tr("%1 The list kept from %2 follows.")
                        .arg(error, QLocale().toString(m_library->fetchedAt().toLocalTime(),
                                                       QLocale::ShortFormat)));
            }
            printTemplates();
        });
}

void CliRunner::printTemplates() {
    TemplateListModel shown(m_library); // the browser's search, word for word
    shown.setSearchText(m_options.templateSearch);
    if (m_options.json) {
        QJsonArray list;
        for (int row = 0; row < shown.rowCount(); ++row)
            list.append(templateJson(shown.templateAt(row)));
        m_out << QJsonDocument(list).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        for (int row = 0; row < shown.rowCount(); ++row)
            m_out << templateLine(shown.templateAt(row)) << Qt::endl;
    }
    if (shown.rowCount() == 0)
        progressLine(m_options.templateSearch.isEmpty()
                         ? tr("PixVerse lists no template for this account.")
                         : tr("No template matches “%1”.").arg(m_options.templateSearch));
    succeed();
}

void CliRunner::runEffect() {
    if (!openTemplates())
        return;
    const qint64 id = m_options.templateId;
    whenTemplatesCurrent(*m_library, false, this, [this, id](const QString& error) {
        if (const std::optional<EffectTemplate> effect = m_library->find(id)) {
            sendEffect(*effect); // from the list kept even when a refresh failed
            return;
        }
        if (!error.isEmpty()) {
            fail(error, ExitTransient);
            return;
        }
        // Not in a young list: the template may be newer than it.
        m_library->refresh(true);
        connect(
            m_library, &TemplateLibrary::refreshFinished, this,
            [this, id](const QString& refreshError) {
                if (const std::optional<EffectTemplate> effect = m_library->find(id))
                    sendEffect(*effect);
                else if (!refreshError.isEmpty())
                    fail(refreshError, ExitTransient);
                else
                    fail(tr("PixVerse lists no template %1 for this account (the command "
                            "templates lists them).")
                             .arg(id),
                         ExitUsage);
            },
            Qt::SingleShotConnection);
    });
}

void CliRunner::sendEffect(const EffectTemplate& effect) {
    GenerationRequest request = m_options.request;
    if (const QString why = setUpTemplate(request, effect, m_options, m_catalog); !why.isEmpty()) {
        fail(why, ExitUsage); // 500070 learned earlier, a quality it refuses, the image count
        return;
    }
    if (!openJobStore())
        return;
    send(request);
}

void CliRunner::rememberTemplateRefusal(qint64 templateId, int errorCode, const QString& quality) {
    if (!m_library)
        return;
    // Kept in the list's cache file: the next run refuses it before sending.
    if (errorCode == 500070)
        m_library->markNeedsActivation(templateId);
    else if (errorCode == 500071)
        m_library->markQualityRefused(templateId, quality);
}

} // namespace pixverse
