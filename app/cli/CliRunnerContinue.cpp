#include "app/cli/CliRunner.h"
#include "app/cli/ContinueOptions.h"
#include "app/cli/ModelTable.h"
#include "app/cli/SourceFacts.h"
#include "core/backend/Backend.h"
#include "core/generation/PriceQuote.h"
#include "core/jobs/JobStore.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

// CliRunner's extend, upscale, sound and lipsync: the source is looked up and checked, then the
// request goes to the engine like generate's.
namespace pixverse {

void CliRunner::runContinue() {
    GenerationRequest request = m_options.request;
    if (!m_backend->offersMode(request.mode)) { // the catalog said so already; the backend decides
        fail(modeNotOffered(request.mode), ExitUsage);
        return;
    }
    if (!openJobStore())
        return;
    // A take of this folder: the new video is made from it (lineage), with its length and size.
    if (request.sourceVideoId != 0) {
        if (const std::optional<Job> take = takeWithVideo(*m_store, request.sourceVideoId)) {
            if (const QString error = continueTake(*take, *m_store, m_options, m_catalog, request);
                !error.isEmpty()) {
                fail(error, ExitUsage);
                return;
            }
        }
    }
    checkFilesAndSend(request);
}

void CliRunner::checkFilesAndSend(const GenerationRequest& request) {
    using Checked = std::pair<GenerationRequest, QString>;
    auto* watcher = new QFutureWatcher<Checked>(this);
    connect(watcher, &QFutureWatcher<Checked>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Checked checked = watcher->result();
        if (!checked.second.isEmpty()) {
            fail(checked.second, ExitUsage); // nothing was sent
            return;
        }
        send(checked.first);
    });
    watcher->setFuture(QtConcurrent::run([checked = GenerationRequest(request)]() mutable {
        const QString why = readLocalFacts(checked);
        return Checked{checked, why};
    }));
}

void CliRunner::send(const GenerationRequest& request) {
    // Checked again with what the files and the take told (an extend source's length, …).
    if (const QString why = whyRefused(request, m_catalog, m_backend->family()); !why.isEmpty()) {
        fail(why, ExitUsage);
        return;
    }
    const QString summary = generationSummary(request, m_catalog, m_backend->family());
    if (m_options.takes > 1) // priced as a whole before anything is sent
        progressLine(tr("Submitting %1 takes: %2; %3 in all.")
                         .arg(m_options.takes)
                         .arg(summary, quotePrice(request, m_catalog, m_backend->family())
                                           .times(m_options.takes)
                                           .text()));
    else
        progressLine(tr("Submitting: %1").arg(summary));
    startEngine({request});
}

} // namespace pixverse
