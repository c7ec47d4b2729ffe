#include "ui/ReferencesStrip.h"

#include "core/generation/ReferenceNames.h"
#include "ui/ImageDropZone.h"
#include "ui/UiHelpers.h"

#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSet>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace pixverse {

namespace {

QString roleLabel(RequestImage::Role role) {
    return role == RequestImage::Role::Background ? ReferencesStrip::tr("Background")
                                                  : ReferencesStrip::tr("Subject");
}

} // namespace

ReferencesStrip::ReferencesStrip(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("referencesStrip"));
    setAcceptDrops(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto* caption = new QLabel(tr("References"), this);
    QFont bold = caption->font();
    bold.setBold(true);
    caption->setFont(bold);
    layout->addWidget(caption);
    m_empty =
        ui::hintLabel(tr("Add the people, animals or objects to show (subjects) and the place "
                         "(background); the prompt calls each by its name, as @name."),
                      this);
    m_empty->setObjectName(QStringLiteral("referencesHint"));
    layout->addWidget(m_empty);
    m_list = new QVBoxLayout;
    m_list->setSpacing(6);
    layout->addLayout(m_list);

    m_addSubject = new QPushButton(tr("Add &subject"), this);
    m_addSubject->setObjectName(QStringLiteral("addSubjectButton"));
    m_addBackground = new QPushButton(tr("Add bac&kground"), this);
    m_addBackground->setObjectName(QStringLiteral("addBackgroundButton"));
    for (QPushButton* button : {m_addSubject, m_addBackground})
        button->setAutoDefault(false);
    connect(m_addSubject, &QPushButton::clicked, this,
            [this] { addReference(RequestImage::Role::Subject); });
    connect(m_addBackground, &QPushButton::clicked, this,
            [this] { addReference(RequestImage::Role::Background); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addSubject);
    buttons->addWidget(m_addBackground);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    updateLimits();
}

ReferencesStrip::~ReferencesStrip() = default;

QList<RequestImage> ReferencesStrip::references() const {
    QList<RequestImage> out;
    for (const Card& card : m_cards) {
        if (const std::optional<PreparedImage> image = card.zone->image())
            out.append({card.role, image->path, card.name->text().trimmed()});
    }
    return out;
}

void ReferencesStrip::setReferences(const QList<RequestImage>& references) {
    while (!m_cards.isEmpty())
        removeCard(m_cards.constLast().frame);
    for (const RequestImage& reference : references) {
        Card& card = addCard(reference.role, reference.name);
        card.zone->openFile(reference.path);
    }
    onChanged();
}

bool ReferencesStrip::addReference(RequestImage::Role role, const QString& path) {
    if (whyNotAdd(role))
        return false;
    Card& card = addCard(role, freeName(role));
    if (!path.isEmpty())
        card.zone->openFile(path);
    onChanged();
    card.name->setFocus();
    return true;
}

ReferencesStrip::Card& ReferencesStrip::addCard(RequestImage::Role role, const QString& name) {
    Card card;
    card.role = role;
    card.frame = new QFrame(this);
    card.frame->setObjectName(QStringLiteral("referenceCard"));
    auto* layout = new QVBoxLayout(card.frame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto* header = new QHBoxLayout;
    auto* nameLabel = new QLabel(tr("%1 &name").arg(roleLabel(role)), card.frame);
    card.name = new QLineEdit(name, card.frame);
    card.name->setObjectName(QStringLiteral("referenceNameEdit"));
    card.name->setToolTip(tr("The prompt calls this reference @name: letters, digits, _ and -, "
                             "at most %1 bytes.")
                              .arg(reference_names::kMaxNameBytes));
    nameLabel->setBuddy(card.name);
    auto* remove = new QToolButton(card.frame);
    remove->setObjectName(QStringLiteral("removeReferenceButton"));
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove this reference"));
    header->addWidget(nameLabel);
    header->addWidget(card.name, 1);
    header->addWidget(remove);
    layout->addLayout(header);

    card.problem = new QLabel(card.frame);
    card.problem->setObjectName(QStringLiteral("referenceNameProblem"));
    card.problem->setWordWrap(true);
    QPalette p = card.problem->palette();
    p.setColor(QPalette::WindowText, ui::errorColor(p));
    card.problem->setPalette(p);
    card.problem->hide();
    layout->addWidget(card.problem);

    card.zone = new ImageDropZone(card.frame);
    card.zone->setObjectName(role == RequestImage::Role::Background
                                 ? QStringLiteral("backgroundZone")
                                 : QStringLiteral("subjectZone"));
    card.zone->setAccessibleName(roleLabel(role));
    card.zone->setHintText(role == RequestImage::Role::Background
                               ? tr("The place the video happens in: drop an image here, paste "
                                    "it, or")
                               : tr("Someone or something to show: drop an image here, paste "
                                    "it, or"));
    if (m_fileProvider)
        card.zone->setFileProvider(m_fileProvider);
    layout->addWidget(card.zone);

    QWidget* frame = card.frame;
    connect(card.zone, &ImageDropZone::imageChanged, this, &ReferencesStrip::onChanged);
    connect(card.zone, &ImageDropZone::busyChanged, this, &ReferencesStrip::onChanged);
    connect(card.name, &QLineEdit::textChanged, this, &ReferencesStrip::onChanged);
    connect(remove, &QToolButton::clicked, this, [this, frame] {
        removeCard(frame);
        onChanged();
    });
    m_list->addWidget(card.frame);
    card.frame->show(); // now, not on the layout's queued show: it is part of the strip at once
    m_cards.append(card);
    return m_cards.last();
}

void ReferencesStrip::removeCard(QWidget* frame) {
    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        if (m_cards.at(i).frame == frame) {
            m_cards.removeAt(i);
            break;
        }
    }
    frame->hide();
    frame->deleteLater();
}

QString ReferencesStrip::freeName(RequestImage::Role role) const {
    const QString stem = role == RequestImage::Role::Background ? QStringLiteral("background")
                                                                : QStringLiteral("subject");
    QSet<QString> taken;
    for (const Card& card : m_cards)
        taken.insert(card.name->text().trimmed().toCaseFolded());
    for (int n = 1;; ++n) {
        const QString name = stem + QString::number(n);
        if (!taken.contains(name))
            return name;
    }
}

void ReferencesStrip::checkNames() {
    QHash<QString, int> uses;
    for (const Card& card : m_cards)
        ++uses[card.name->text().trimmed().toCaseFolded()];
    for (const Card& card : m_cards) {
        const QString name = card.name->text().trimmed();
        QString problem;
        if (name.isEmpty())
            problem = tr("Give this reference a name: the prompt calls it @name.");
        else if (!reference_names::isValidName(name))
            problem = tr("Not a usable name: letters, digits, _ and - only, at most %1 bytes.")
                          .arg(reference_names::kMaxNameBytes);
        else if (uses.value(name.toCaseFolded()) > 1)
            problem = tr("Another reference is called %1 too: each needs its own name.").arg(name);
        card.problem->setText(problem);
        card.problem->setVisible(!problem.isEmpty());
        card.name->setProperty("nameProblem", !problem.isEmpty());
        QPalette p = card.name->palette();
        p.setColor(QPalette::Text,
                   problem.isEmpty() ? palette().color(QPalette::Text) : ui::errorColor(palette()));
        card.name->setPalette(p);
    }
}

void ReferencesStrip::onChanged() {
    checkNames();
    m_empty->setVisible(m_cards.isEmpty());
    updateLimits();
    const bool busy = isBusy();
    if (busy != m_lastBusy) {
        m_lastBusy = busy;
        Q_EMIT busyChanged(busy);
    }
    Q_EMIT referencesChanged();
}

bool ReferencesStrip::isBusy() const {
    return std::any_of(m_cards.cbegin(), m_cards.cend(),
                       [](const Card& card) { return card.zone->isBusy(); });
}

void ReferencesStrip::setLimitCheck(LimitCheck check) {
    m_limitCheck = std::move(check);
    updateLimits();
}

void ReferencesStrip::updateLimits() {
    auto update = [this](QPushButton* button, RequestImage::Role role, const QString& what) {
        const std::optional<QString> why = whyNotAdd(role);
        button->setEnabled(!why);
        button->setToolTip(why.value_or(what));
    };
    update(m_addSubject, RequestImage::Role::Subject,
           tr("Add someone or something to show, called by its name in the prompt"));
    update(m_addBackground, RequestImage::Role::Background,
           tr("Add the place the video happens in, called by its name in the prompt"));
}

std::optional<QString> ReferencesStrip::whyNotAdd(RequestImage::Role role) const {
    if (!m_limitCheck)
        return std::nullopt;
    // Every reference counts, its image there or not: it is meant to be filled.
    QList<RequestImage::Role> present;
    for (const Card& card : m_cards)
        present << card.role;
    return m_limitCheck(present, role);
}

void ReferencesStrip::setFileProvider(DropSlot::FileProvider provider) {
    m_fileProvider = std::move(provider);
    for (const Card& card : m_cards)
        card.zone->setFileProvider(m_fileProvider);
}

bool ReferencesStrip::paste() {
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    if (!mime || !(mime->hasImage() || mime->hasUrls()))
        return false;
    if (!addReference(RequestImage::Role::Subject))
        return false;
    m_cards.last().zone->openMimeData(mime);
    return true;
}

void ReferencesStrip::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage())
        event->acceptProposedAction();
}

void ReferencesStrip::dropEvent(QDropEvent* event) {
    // Dropped beside the references: each file a new subject, as long as the model takes more.
    const QList<QUrl> urls = event->mimeData()->urls();
    bool any = false;
    for (const QUrl& url : urls) {
        if (url.isLocalFile() && addReference(RequestImage::Role::Subject, url.toLocalFile()))
            any = true;
    }
    if (!any && event->mimeData()->hasImage() && addReference(RequestImage::Role::Subject))
        m_cards.last().zone->openMimeData(event->mimeData());
    event->acceptProposedAction();
}

} // namespace pixverse
