// The window's batch entries (issue 19): the file or folder is chosen here; StudioApp's
// BatchQueuer reads it and shows the preview.
#include "ui/MainWindow.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>

namespace pixverse {

void MainWindow::addBatchActions(QMenu* menu) {
    QAction* file = menu->addAction(tr("Open &Batch File…"));
    file->setObjectName(QStringLiteral("openBatchFileAction"));
    file->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->setStatusTip(tr("A list of prompts (.txt) or JSON Lines (.jsonl): see every job and "
                          "its price before queueing them"));
    connect(file, &QAction::triggered, this, [this] { chooseBatchSource(false); });
    QAction* folder = menu->addAction(tr("Queue Image &Folder…"));
    folder->setObjectName(QStringLiteral("queueImageFolderAction"));
    folder->setStatusTip(tr("One image-to-video job for each image of a folder, with the "
                            "composer's settings"));
    connect(folder, &QAction::triggered, this, [this] { chooseBatchSource(true); });
}

void MainWindow::chooseBatchSource(bool folder) {
    // Window-modal and asynchronous: the gallery keeps playing while the creator looks.
    auto* dialog = new QFileDialog(this, folder ? tr("Queue Image Folder") : tr("Open Batch File"),
                                   m_batchFolder);
    dialog->setObjectName(folder ? QStringLiteral("batchFolderDialog")
                                 : QStringLiteral("batchFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (folder) {
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
    } else {
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setNameFilters({tr("Batch files (*.txt *.jsonl)"), tr("All files (*)")});
    }
    connect(dialog, &QFileDialog::fileSelected, this, [this, folder](const QString& path) {
        m_batchFolder = folder ? path : QFileInfo(path).absolutePath();
        Q_EMIT batchSourceChosen(path);
    });
    dialog->open();
}

} // namespace pixverse
