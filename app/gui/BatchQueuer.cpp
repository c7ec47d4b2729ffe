#include "app/gui/BatchQueuer.h"

#include "app/gui/StudioApp.h"
#include "core/auth/Session.h"
#include "core/backend/PriceBook.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobEngine.h"
#include "ui/BatchPreviewDialog.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace pixverse {

BatchQueuer::BatchQueuer(StudioApp* app)
    : m_app(app) {}

BatchQueuer::~BatchQueuer() = default;

void BatchQueuer::open(const QString& path) {
    MainWindow* window = m_app->window();
    if (!m_app->jobEngine()) {
        window->showNotice(tr("Sign in to queue a batch."));
        m_app->showLoginDialog();
        return;
    }
    if (m_dialog)
        m_dialog->close(); // one preview at a time: the new source replaces it
    PromptEditor* composer = window->promptEditor();
    m_source = path;
    auto* dialog = new BatchPreviewDialog(path, &composer->catalog(), window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setBalance(composer->balance());
    connect(dialog, &BatchPreviewDialog::queueRequested, this, &BatchQueuer::queue);
    m_dialog = dialog;
    dialog->open();
    Q_EMIT previewOpened(dialog);

    // The composer's settings fill what a line leaves out; the files are read and every image
    // decoded on the thread pool, with copies of what the reading needs.
    const QJsonObject defaults = generationKeys(composer->request());
    const ModelCatalog catalog = composer->catalog();
    const ApiFamily family = m_app->session()->family();
    auto* watcher = new QFutureWatcher<BatchContents>(this);
    connect(watcher, &QFutureWatcher<BatchContents>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        if (path == m_source)
            showContents(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path, defaults, catalog, family] {
        return readBatchSource(path, defaults, catalog, family);
    }));
}

void BatchQueuer::showContents(BatchContents contents) {
    if (!m_dialog)
        return; // cancelled while reading
    // Priced here, where the PriceBook lives: its formulas change on this thread, and a quote
    // is arithmetic on what was read (no disk, no network).
    if (const PriceBook* prices = m_app->prices())
        priceBatch(contents, [prices](const GenerationRequest& r) { return prices->quote(r); });
    m_dialog->setBalance(m_app->window()->promptEditor()->balance());
    m_dialog->setContents(contents);
    Q_EMIT previewReady(m_dialog);
}

void BatchQueuer::queue() {
    if (!m_dialog)
        return;
    JobEngine* engine = m_app->jobEngine();
    if (!engine) {
        m_dialog->setQueueing(false, tr("Sign in to queue a batch."));
        return;
    }
    QList<GenerationRequest> requests;
    QStringList origins;
    for (const BatchEntry& entry : m_dialog->entriesToQueue()) {
        requests << entry.request;
        origins << entry.origin;
    }
    if (requests.isEmpty())
        return;
    m_dialog->setQueueing(true);
    const QString name = QFileInfo(m_source).fileName();
    engine->enqueueManyAsync(requests, origins, m_dialog, [this, name](Result<QList<Job>> added) {
        if (!added.ok()) {
            m_dialog->setQueueing(false, added.error.userMessage());
            return;
        }
        const int count = int(added.value->size());
        m_app->window()->showNotice(tr("%n job(s) from “%1” queued.", nullptr, count).arg(name));
        m_dialog->accept();
        Q_EMIT batchQueued(count);
    });
}

} // namespace pixverse
