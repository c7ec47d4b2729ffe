#include "ui/MainWindow.h"

#include <QLabel>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace pixverse {

namespace {
QWidget* placeholderPane(const QString& title, const QString& text, QWidget* parent) {
    auto* pane = new QWidget(parent);
    auto* layout = new QVBoxLayout(pane);
    auto* heading = new QLabel(title, pane);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    heading->setFont(font);
    auto* body = new QLabel(text, pane);
    body->setWordWrap(true);
    body->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(heading);
    layout->addWidget(body, 1);
    return pane;
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("PixVerse Studio"));
    setObjectName(QStringLiteral("mainWindow"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(placeholderPane(tr("Create"),
                                        tr("Write a prompt, choose the settings, drop an image."),
                                        splitter));
    splitter->addWidget(placeholderPane(tr("Jobs"), tr("Your generations appear here."), splitter));
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::setConnectionLabel(const QString& text) { m_connectionLabel->setText(text); }

} // namespace pixverse
