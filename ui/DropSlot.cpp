#include "ui/DropSlot.h"

#include "core/generation/ImageCheck.h"
#include "ui/UiHelpers.h"

#include <QDragLeaveEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace pixverse {

namespace {
constexpr int kNameWidth = 360; //!< where a long name is elided, device-independent px
} // namespace

DropSlot::DropSlot(const QString& prefix, const QString& hint, const QString& limits,
                   QWidget* parent)
    : QFrame(parent) {
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::StyledPanel);
    // By class, not object name: every slot has the frame.
    setStyleSheet(QStringLiteral(
        "pixverse--DropSlot { border: 2px dashed palette(mid); border-radius: 8px; }"
        "pixverse--DropSlot[dragActive=\"true\"] { border-color: palette(highlight); }"
        "pixverse--DropSlot:focus { border-style: solid; }"));
    setProperty("dragActive", false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(6);
    m_caption = new QLabel(this);
    m_caption->setObjectName(prefix + QStringLiteral("Caption"));
    QFont captionFont = m_caption->font();
    captionFont.setBold(true);
    m_caption->setFont(captionFont);
    m_caption->hide();
    layout->addWidget(m_caption);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(prefix + QStringLiteral("Pages"));
    layout->addWidget(m_pages);
    m_pages->addWidget(buildEmptyPage(hint, limits));
    m_pages->addWidget(buildFilledPage(prefix));

    // Under either page: the check in progress, then a refusal or notice.
    auto* busyRow = new QHBoxLayout;
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(prefix + QStringLiteral("BusyLabel"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(prefix + QStringLiteral("Busy"));
    m_busyBar->setRange(0, 0); // indeterminate: a check has no meaningful percentage
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(120);
    busyRow->addWidget(m_busyLabel, 1);
    busyRow->addWidget(m_busyBar);
    layout->addLayout(busyRow);
    m_busyLabel->hide();
    m_busyBar->hide();

    m_message = new QLabel(this);
    m_message->setObjectName(prefix + QStringLiteral("Message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_upload = new QProgressBar(this);
    m_upload->setObjectName(QStringLiteral("uploadProgress"));
    m_upload->hide();
    layout->addWidget(m_upload);

    // The stack is as tall as the page shown, not as the tallest page.
    connect(m_pages, &QStackedWidget::currentChanged, this, [this](int current) {
        for (int i = 0; i < m_pages->count(); ++i)
            m_pages->widget(i)->setSizePolicy(
                i == current ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                i == current ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        m_pages->adjustSize();
    });
    m_pages->setCurrentIndex(1);
    m_pages->setCurrentIndex(0);
    showMessage({}, false);
}

QWidget* DropSlot::buildEmptyPage(const QString& hint, const QString& limits) {
    auto* empty = new QWidget(m_pages);
    auto* layout = new QVBoxLayout(empty);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto* hintRow = new QHBoxLayout;
    m_hint = new QLabel(hint, empty);
    m_hint->setObjectName(QStringLiteral("dropHint"));
    m_hint->setWordWrap(true);
    auto* browse = new QPushButton(tr("&Browse…"), empty);
    browse->setObjectName(QStringLiteral("browseButton"));
    browse->setFocusPolicy(Qt::TabFocus);
    connect(browse, &QPushButton::clicked, this, &DropSlot::browse);
    hintRow->addWidget(m_hint, 1);
    hintRow->addWidget(browse, 0, Qt::AlignVCenter);
    layout->addLayout(hintRow);
    auto* limitsLabel = new QLabel(limits, empty);
    limitsLabel->setObjectName(QStringLiteral("dropLimits"));
    limitsLabel->setWordWrap(true);
    layout->addWidget(limitsLabel);
    return empty;
}

QWidget* DropSlot::buildFilledPage(const QString& prefix) {
    auto* filled = new QWidget(m_pages);
    auto* layout = new QHBoxLayout(filled);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    m_preview = new QLabel(filled);
    m_preview->setObjectName(prefix + QStringLiteral("Preview"));
    m_preview->setFixedSize(kPreviewBox, kPreviewBox);
    m_preview->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_preview, 0, Qt::AlignTop);
    auto* column = new QVBoxLayout;
    column->setSpacing(2);
    m_name = new QLabel(filled);
    m_name->setObjectName(prefix + QStringLiteral("Name"));
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_name);
    m_details = new QVBoxLayout;
    m_details->setSpacing(2);
    column->addLayout(m_details);
    column->addStretch(1);
    auto* buttons = new QHBoxLayout;
    auto* replace = new QPushButton(tr("&Replace…"), filled);
    replace->setObjectName(QStringLiteral("replaceButton"));
    replace->setFocusPolicy(Qt::TabFocus);
    connect(replace, &QPushButton::clicked, this, &DropSlot::browse);
    auto* remove = new QPushButton(tr("Re&move"), filled);
    remove->setObjectName(QStringLiteral("removeButton"));
    remove->setFocusPolicy(Qt::TabFocus);
    connect(remove, &QPushButton::clicked, this, &DropSlot::clear);
    buttons->addWidget(replace);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    column->addLayout(buttons);
    layout->addLayout(column, 1);
    return filled;
}

void DropSlot::setFileProvider(FileProvider provider) {
    m_fileProvider = std::move(provider);
}

QString DropSlot::chooseFile(const QString& title, QStandardPaths::StandardLocation where,
                             const QString& filter) {
    const QString dir = m_lastDir.isEmpty() ? QStandardPaths::writableLocation(where) : m_lastDir;
    const QString path = m_fileProvider ? m_fileProvider(this)
                                        : QFileDialog::getOpenFileName(this, title, dir, filter);
    if (!path.isEmpty())
        m_lastDir = QFileInfo(path).absolutePath();
    return path;
}

QString DropSlot::message() const {
    return m_message->isHidden() ? QString() : m_message->text();
}

void DropSlot::setHintText(const QString& text) {
    m_hint->setText(text);
}

QString DropSlot::hintText() const {
    return m_hint->text();
}

void DropSlot::setCaption(const QString& text) {
    m_caption->setText(text);
    m_caption->setVisible(!text.isEmpty());
}

void DropSlot::setUploadProgress(qint64 sent, qint64 total) {
    if (total > 0 && sent >= total) {
        // The upload is over: nothing is left to wait for, so the bar goes (it used to stay,
        // full, until the next image, even after the job was done).
        m_upload->setRange(0, 1000);
        m_upload->setValue(1000);
        m_upload->hide();
        return;
    }
    m_upload->show();
    if (total <= 0) {
        m_upload->setRange(0, 0);
        return;
    }
    m_upload->setRange(0, 1000);
    m_upload->setValue(static_cast<int>(std::clamp<qint64>(sent * 1000 / total, 0, 1000)));
    m_upload->setFormat(tr("Uploading… %1 of %2")
                            .arg(ImageCheck::formatBytes(sent), ImageCheck::formatBytes(total)));
}

void DropSlot::clearUploadProgress() {
    m_upload->hide();
    m_upload->reset();
}

void DropSlot::endUploadProgress() {
    m_upload->hide();
}

void DropSlot::setBusy(bool busy, const QString& text) {
    m_busyLabel->setText(text);
    m_busyLabel->setVisible(busy);
    m_busyBar->setVisible(busy);
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged(busy);
    }
}

void DropSlot::showMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_message->setProperty("error", error);
    QPalette p = palette();
    p.setColor(QPalette::WindowText, error ? ui::errorColor(p) : ui::hintColor(p));
    m_message->setPalette(p);
}

void DropSlot::showFilled(const QString& name, const QString& toolTip) {
    m_name->setText(m_name->fontMetrics().elidedText(name, Qt::ElideMiddle, kNameWidth));
    m_name->setToolTip(toolTip);
    m_pages->setCurrentIndex(1);
}

void DropSlot::showEmpty() {
    m_preview->clear();
    m_pages->setCurrentIndex(0);
}

QString DropSlot::shownName() const {
    return m_pages->currentIndex() == 1 ? m_name->toolTip() : QString();
}

void DropSlot::setDragActive(bool active) {
    if (property("dragActive").toBool() == active)
        return;
    setProperty("dragActive", active);
    style()->unpolish(this);
    style()->polish(this);
    update();
}

void DropSlot::dragLeaveEvent(QDragLeaveEvent* event) {
    setDragActive(false);
    QFrame::dragLeaveEvent(event);
}

void DropSlot::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason); // so that Ctrl+V pastes here
    QFrame::mousePressEvent(event);
}

void DropSlot::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        // Colours derived from the palette follow a theme change.
        if (m_message && !m_message->text().isEmpty())
            showMessage(m_message->text(), m_message->property("error").toBool());
    }
}

} // namespace pixverse
