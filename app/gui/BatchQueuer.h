#pragma once

#include "core/queue/BatchFile.h"

#include <QObject>
#include <QPointer>

namespace pixverse {

class BatchPreviewDialog;
class StudioApp;

//! The window's batch (issue 19): a prompt list, JSON Lines or a folder of images read on the
//! thread pool with the composer's settings as defaults, priced by the account's PriceBook,
//! shown in a BatchPreviewDialog, and what it accepts queued in one transaction
//! (JobEngine::enqueueManyAsync) with each entry's origin.
class BatchQueuer : public QObject {
    Q_OBJECT
public:
    explicit BatchQueuer(StudioApp* app);
    ~BatchQueuer() override;

    //! Jobs → Open Batch File… / Queue Image Folder…: the preview of `path` (a file or a folder).
    void open(const QString& path);
    //! The preview open now, or null.
    BatchPreviewDialog* dialog() const { return m_dialog; }

Q_SIGNALS:
    //! The preview of a source opened (still reading it).
    void previewOpened(pixverse::BatchPreviewDialog* dialog);
    //! The preview has its entries and prices.
    void previewReady(pixverse::BatchPreviewDialog* dialog);
    //! Jobs of a batch went into the queue.
    void batchQueued(int count);

private:
    void showContents(BatchContents contents);
    void queue();

    StudioApp* m_app;
    QPointer<BatchPreviewDialog> m_dialog;
    QString m_source;
};

} // namespace pixverse
