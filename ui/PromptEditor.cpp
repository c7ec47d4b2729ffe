#include "ui/PromptEditor.h"

#include "core/generation/RecentPrompts.h"
#include "core/settings/AppSettings.h"
#include "ui/GenerationSettingsPanel.h"
#include "ui/PromptEditorMentions.h"
#include "ui/UiHelpers.h"

#include <QFontMetrics>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pixverse {

namespace {

//! Stands in for an image still on its way: the rules judge image-to-video without its path.
const QString kImagePlaceholder = QStringLiteral("image");

} // namespace

PromptEditor::PromptEditor(QWidget* parent)
    : PromptEditor(QString(), parent) {}

PromptEditor::PromptEditor(const QString& settingsFile, QWidget* parent)
    : QWidget(parent)
    , m_catalog(&ModelCatalog::builtIn())
    , m_settings(settingsFile.isEmpty() ? std::make_unique<AppSettings>()
                                        : std::make_unique<AppSettings>(settingsFile))
    , m_recent(std::make_unique<RecentPrompts>(settingsFile)) {
    setObjectName(QStringLiteral("promptEditor"));
    buildUi();
    GenerationRequest remembered = m_settings->defaultGeneration();
    // First run: the newest model; after that the last one used.
    if (!m_settings->hasDefaultGeneration())
        remembered.model = m_catalog->defaultModel(m_family);
    m_panel->setSettings(remembered);
    onSettingsChanged();
    rebuildRecentMenu();
}

PromptEditor::~PromptEditor() = default;

void PromptEditor::buildUi() {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // Prompt, with its count and the recent prompts on the heading line.
    auto* promptLabel = new QLabel(tr("&Prompt"), this);
    promptLabel->setObjectName(QStringLiteral("promptLabel"));
    QFont bold = promptLabel->font();
    bold.setBold(true);
    promptLabel->setFont(bold);
    m_promptCount = new QLabel(this);
    m_promptCount->setObjectName(QStringLiteral("promptCount"));
    m_recentMenu = new QMenu(this);
    m_recentMenu->setObjectName(QStringLiteral("recentPromptsMenu"));
    m_recentMenu->setToolTipsVisible(true);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &PromptEditor::rebuildRecentMenu);
    m_recentButton = new QPushButton(tr("&Recent"), this);
    m_recentButton->setObjectName(QStringLiteral("recentPromptsButton"));
    m_recentButton->setToolTip(tr("Reuse one of your last prompts"));
    m_recentButton->setAutoDefault(false);
    m_recentButton->setMenu(m_recentMenu);
    auto* promptHeader = new QHBoxLayout;
    promptHeader->addWidget(promptLabel);
    promptHeader->addStretch(1);
    promptHeader->addWidget(m_promptCount);
    promptHeader->addWidget(m_recentButton);
    layout->addLayout(promptHeader);

    m_prompt = new MentionPromptEdit(this);
    m_prompt->setObjectName(QStringLiteral("promptEdit"));
    m_prompt->setPlaceholderText(
        tr("Describe the video: the subject, what happens, the camera, the light…"));
    m_prompt->setTabChangesFocus(true);
    m_prompt->setMinimumHeight(m_prompt->fontMetrics().lineSpacing() * 4 + 12);
    promptLabel->setBuddy(m_prompt);
    layout->addWidget(m_prompt, 3);
    // Reference to video: the references the prompt never names (the video may leave them out).
    m_unusedReferences = ui::hintLabel(QString(), this);
    m_unusedReferences->setObjectName(QStringLiteral("unusedReferencesLabel"));
    m_unusedReferences->hide();
    layout->addWidget(m_unusedReferences);

    auto* negativeLabel = new QLabel(tr("&Negative prompt"), this);
    negativeLabel->setObjectName(QStringLiteral("negativePromptLabel"));
    m_negativeCount = new QLabel(this);
    m_negativeCount->setObjectName(QStringLiteral("negativePromptCount"));
    auto* negativeHeader = new QHBoxLayout;
    negativeHeader->addWidget(negativeLabel);
    negativeHeader->addStretch(1);
    negativeHeader->addWidget(m_negativeCount);
    layout->addLayout(negativeHeader);
    m_negative = new QPlainTextEdit(this);
    m_negative->setObjectName(QStringLiteral("negativePromptEdit"));
    m_negative->setPlaceholderText(tr("What to keep out of the video (optional)"));
    m_negative->setTabChangesFocus(true);
    m_negative->setMinimumHeight(m_negative->fontMetrics().lineSpacing() * 2 + 12);
    m_negative->setMaximumHeight(m_negative->fontMetrics().lineSpacing() * 4 + 12);
    negativeLabel->setBuddy(m_negative);
    layout->addWidget(m_negative, 1);
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &PromptEditor::updateState);
    connect(m_negative, &QPlainTextEdit::textChanged, this, &PromptEditor::updateState);

    layout->addSpacing(4);
    m_panel = new GenerationSettingsPanel(m_catalog, this);
    layout->addWidget(m_panel);
    connect(m_panel, &GenerationSettingsPanel::settingsChanged, this,
            &PromptEditor::onSettingsChanged);

    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    buildCostRow();

    for (const QKeyCombination keys : {Qt::CTRL | Qt::Key_Return, Qt::CTRL | Qt::Key_Enter}) {
        auto* shortcut = new QShortcut(QKeySequence(keys), this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, &PromptEditor::generate);
    }
}

void PromptEditor::buildCostRow() {
    // Cost, the balance after it, and Generate; under them why Generate is disabled.
    m_cost = new QLabel(this);
    m_cost->setObjectName(QStringLiteral("costLabel"));
    m_cost->setWordWrap(true);
    QFont costFont = m_cost->font();
    costFont.setBold(true);
    m_cost->setFont(costFont);
    m_balanceLabel = new QLabel(this);
    m_balanceLabel->setObjectName(QStringLiteral("balanceLabel"));
    // Two lines rather than a wider composer: the take count shares its row (issue 18).
    m_balanceLabel->setWordWrap(true);
    m_generate = new QPushButton(tr("&Generate"), this);
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_generate->setMinimumWidth(m_generate->fontMetrics().horizontalAdvance(m_generate->text()) +
                                48);
    m_generate->setAutoDefault(false);
    connect(m_generate, &QPushButton::clicked, this, &PromptEditor::generate);
    // The cost has the whole width (the per-second sum is long in Russian); the balance after it
    // sits beside Generate.
    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    layout->addWidget(buildEditNote());
    layout->addWidget(m_cost);
    auto* generateRow = new QHBoxLayout;
    generateRow->addWidget(m_balanceLabel, 1);
    generateRow->addWidget(buildTakeCount(), 0, Qt::AlignVCenter);
    generateRow->addWidget(buildCancelEdit(), 0, Qt::AlignVCenter);
    generateRow->addWidget(m_generate, 0, Qt::AlignVCenter);
    layout->addLayout(generateRow);

    m_blocked = new QLabel(this);
    m_blocked->setObjectName(QStringLiteral("generateBlockedLabel"));
    m_blocked->setWordWrap(true);
    m_blocked->setMinimumHeight(m_blocked->fontMetrics().lineSpacing());
    layout->addWidget(m_blocked);
}

void PromptEditor::setCatalog(const ModelCatalog* catalog) {
    m_catalog = catalog;
    m_panel->setCatalog(catalog);
    onSettingsChanged();
}

void PromptEditor::setFamily(ApiFamily family) {
    if (family == m_family)
        return;
    m_family = family;
    m_panel->setFamily(family);
    onSettingsChanged();
}

void PromptEditor::setBalance(std::optional<qint64> credits) {
    m_balance = credits;
    updateState();
}

void PromptEditor::setQueuedCredits(qint64 credits) {
    if (credits == m_queuedCredits)
        return;
    m_queuedCredits = credits;
    updateState();
}

void PromptEditor::setImageMode(bool on) {
    if (on == isImageMode())
        return;
    if (!on)
        m_imagePath.clear();
    m_panel->setMode(on ? GenerationMode::ImageToVideo : GenerationMode::TextToVideo);
    onSettingsChanged(); // image-to-video changes what some values allow (camera movements)
}

bool PromptEditor::isImageMode() const {
    return m_panel->mode() == GenerationMode::ImageToVideo;
}

void PromptEditor::setImagePath(const QString& path, qint64 parentJobId) {
    m_imagePath = path;
    m_imageParent = path.isEmpty() ? 0 : parentJobId;
    // Another mode keeps its own inputs: the image waits in its slot for image to video.
    if (mode() != GenerationMode::TextToVideo && mode() != GenerationMode::ImageToVideo) {
        updateState();
        return;
    }
    if (isImageMode() != !path.isEmpty())
        setImageMode(!path.isEmpty());
    else
        updateState();
}

void PromptEditor::setImagePending(bool pending) {
    m_imagePending = pending;
    updateState();
}

GenerationMode PromptEditor::mode() const {
    return m_panel->mode();
}

bool PromptEditor::setMode(GenerationMode mode) {
    if (mode == this->mode())
        return true;
    const bool done = m_panel->setMode(mode);
    onSettingsChanged();
    return done;
}

std::optional<QString> PromptEditor::modeRefusal(GenerationMode mode) const {
    return m_panel->modeRefusal(mode);
}

void PromptEditor::setFrameImage(RequestImage::Role role, const QString& path, qint64 parentJobId) {
    const qint64 parent = path.isEmpty() ? 0 : parentJobId;
    switch (role) {
    case RequestImage::Role::Start:
        setImagePath(path, parentJobId);
        return;
    case RequestImage::Role::FirstFrame:
        m_firstFramePath = path;
        m_firstFrameParent = parent;
        break;
    case RequestImage::Role::LastFrame:
        m_lastFramePath = path;
        m_lastFrameParent = parent;
        break;
    default:
        return; // fusion's references are not the composer's
    }
    updateState();
}

void PromptEditor::setVideoSource(const VideoSource& source) {
    m_source = source;
    updateState();
}

void PromptEditor::setInputPending(bool pending) {
    m_inputPending = pending;
    updateState();
}

GenerationRequest PromptEditor::request() const {
    GenerationRequest r;
    r.prompt = m_prompt->toPlainText();
    r.negativePrompt = m_negative->toPlainText();
    m_panel->applyTo(r);
    // Each mode takes its own inputs; the others wait in their slots, out of the request (an
    // image picked and then text to video chosen stays in the drop zone).
    switch (r.mode) {
    case GenerationMode::ImageToVideo:
        if (!m_imagePath.isEmpty()) {
            r.setStartImage(m_imagePath);
            r.parentJobId = m_imageParent;
        }
        break;
    case GenerationMode::Transition:
        if (!m_firstFramePath.isEmpty())
            r.images.append({RequestImage::Role::FirstFrame, m_firstFramePath, {}});
        if (!m_lastFramePath.isEmpty())
            r.images.append({RequestImage::Role::LastFrame, m_lastFramePath, {}});
        // One parent: the take whose last frame opens this one, else the one it ends on.
        r.parentJobId = m_firstFrameParent ? m_firstFrameParent : m_lastFrameParent;
        break;
    case GenerationMode::Effect:
    case GenerationMode::Fusion:
        addEffectInputs(r);
        break;
    case GenerationMode::Extend:
        r.sourceVideoId = m_source.videoId;
        r.sourceVideoPath = m_source.videoId ? QString() : m_source.path;
        r.sourceSeconds = m_source.seconds;
        r.sourceWidth = m_source.width;
        r.sourceHeight = m_source.height;
        r.parentJobId = m_source.parentJobId;
        break;
    default:
        break;
    }
    return r;
}

void PromptEditor::setRequest(const GenerationRequest& request) {
    const QSignalBlocker promptBlocker(m_prompt);
    const QSignalBlocker negativeBlocker(m_negative);
    m_prompt->setPlainText(request.prompt);
    m_negative->setPlainText(request.negativePrompt);
    m_imagePath = request.startImagePath();
    m_imageParent = request.isImageToVideo() ? request.parentJobId : 0;
    const bool transition = request.mode == GenerationMode::Transition;
    m_firstFramePath = request.imagePath(RequestImage::Role::FirstFrame);
    m_firstFrameParent = transition ? request.parentJobId : 0;
    m_lastFramePath = request.imagePath(RequestImage::Role::LastFrame);
    m_lastFrameParent = 0;
    m_source = {};
    if (request.mode == GenerationMode::Extend) {
        m_source.videoId = request.sourceVideoId;
        m_source.path = request.sourceVideoPath;
        m_source.seconds = request.sourceSeconds;
        m_source.width = request.sourceWidth;
        m_source.height = request.sourceHeight;
        m_source.parentJobId = request.parentJobId;
    }
    takeEffectInputs(request);
    m_panel->setSettings(request);
    // A model this account lacks for the mode (a job from another account): the family's one.
    if (m_panel->mode() != request.mode)
        m_panel->setMode(request.mode);
    onSettingsChanged();
}

GenerationRequest PromptEditor::ruleRequest() const {
    GenerationRequest r = request();
    if (r.mode == GenerationMode::ImageToVideo && r.startImagePath().isEmpty())
        r.setStartImage(kImagePlaceholder);
    return r;
}

QStringList PromptEditor::blockingReasons() const {
    QStringList reasons;
    if (m_imagePending) // even before image mode: a dropped image is meant to be used
        reasons << tr("Wait: the image is still being checked.");
    else if (m_inputPending)
        reasons << tr("Wait: the file is still being checked.");
    else if (isImageMode() && m_imagePath.isEmpty())
        reasons << tr("Add an image to animate, or choose text to video to generate from the "
                      "prompt alone.");
    const GenerationRequest r = ruleRequest();
    const QList<RuleViolation> violations = m_catalog->validate(r, m_family);
    for (const RuleViolation& v : violations)
        reasons << v.reason;
    const std::optional<int> credits = totalCost();
    if (m_balance && credits && *m_balance < *credits && takeCount() > 1)
        reasons << tr("Not enough credits: these %n takes cost %1 and the balance is %2.", nullptr,
                      takeCount())
                       .arg(QLocale().toString(*credits), QLocale().toString(*m_balance));
    else if (m_balance && credits && *m_balance < *credits)
        reasons << tr("Not enough credits: this video costs %1 and the balance is %2.")
                       .arg(QLocale().toString(*credits), QLocale().toString(*m_balance));
    return reasons;
}

bool PromptEditor::canGenerate() const {
    return blockingReasons().isEmpty();
}

QString PromptEditor::settingsHint() const {
    return m_panel->fitHint();
}

void PromptEditor::onSettingsChanged() {
    m_panel->showRules(ruleRequest());
    updateState();
    remember();
}

void PromptEditor::updateCounts() {
    auto showCount = [this](QLabel* label, const QString& text, int max) {
        const qsizetype n = promptLength(text);
        const bool over = n > max;
        label->setText(tr("%1 / %2").arg(n).arg(max));
        label->setProperty("overLimit", over);
        label->setToolTip(over ? tr("%1 characters over the limit of %2.").arg(n - max).arg(max)
                               : tr("Characters, as PixVerse counts them (at most %1).").arg(max));
        QPalette p = palette();
        p.setColor(QPalette::WindowText, over ? ui::errorColor(p) : ui::hintColor(p));
        label->setPalette(p);
    };
    const GenerationRequest r = request();
    showCount(m_promptCount, r.prompt, m_catalog->promptMaxLength(r.model, m_family));
    showCount(m_negativeCount, r.negativePrompt, m_catalog->negativePromptMaxLength());
}

void PromptEditor::updateState() {
    updateMentions();
    updateCounts();
    updateCost();
    const QStringList reasons = blockingReasons();
    const bool can = reasons.isEmpty();
    m_generate->setEnabled(can);
    const QString go = m_editedJob != 0 ? tr("Update the queued job (Ctrl+Enter)")
                       : takeCount() > 1
                           ? tr("Generate %n takes (Ctrl+Enter)", nullptr, takeCount())
                           : tr("Generate the video (Ctrl+Enter)");
    m_generate->setToolTip(can ? go : reasons.join(QLatin1Char('\n')));
    m_blocked->setText(reasons.value(0));
    // An empty prompt is where everyone starts: say it quietly; anything else is an error.
    const bool onlyEmptyPrompt = reasons.size() == 1 && m_prompt->toPlainText().trimmed().isEmpty();
    QPalette p = palette();
    p.setColor(QPalette::WindowText, onlyEmptyPrompt ? ui::hintColor(p) : ui::errorColor(p));
    m_blocked->setPalette(p);

    Q_EMIT requestChanged();
    if (const GenerationMode now = mode(); now != m_lastMode) {
        m_lastMode = now;
        Q_EMIT modeChanged(now);
    }
    if (can != m_lastCanGenerate) {
        m_lastCanGenerate = can;
        Q_EMIT canGenerateChanged(can);
    }
}

void PromptEditor::remember() {
    // The settings are remembered, not the inputs: a first and last frame or a video to extend
    // belong to this session, so the next one starts from text to video.
    GenerationRequest r = request();
    if (r.mode == GenerationMode::Transition || r.mode == GenerationMode::Extend ||
        r.mode == GenerationMode::Effect || r.mode == GenerationMode::Fusion)
        r.mode = GenerationMode::TextToVideo;
    const GenerationRequest plain;
    r.templateId = 0;
    r.templateName.clear();
    r.templatePrompt.clear();
    r.templateImageCount = plain.templateImageCount;
    r.templateQualities.clear();
    r.templateNeedsActivation = false;
    r.images.clear();
    r.sourceVideoId = 0;
    r.sourceVideoPath.clear();
    r.sourceSeconds = 0;
    r.sourceWidth = 0;
    r.sourceHeight = 0;
    r.parentJobId = 0;
    m_settings->setDefaultGeneration(r);
}

void PromptEditor::generate() {
    if (!canGenerate())
        return;
    const GenerationRequest r = request();
    if (m_editedJob != 0) {
        Q_EMIT updateRequested(m_editedJob, r); // the window ends the edit once it is done
        return;
    }
    m_recent->add(r.prompt);
    rebuildRecentMenu();
    remember();
    Q_EMIT generateRequested(r);
}

void PromptEditor::rollSeed() {
    m_panel->rollSeed();
}

QStringList PromptEditor::recentPrompts() const {
    return m_recent->prompts();
}

void PromptEditor::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList prompts = m_recent->prompts();
    const QFontMetrics metrics(m_recentMenu->font());
    for (int i = 0; i < prompts.size(); ++i) {
        const QString prompt = prompts.at(i);
        QAction* action =
            m_recentMenu->addAction(metrics.elidedText(prompt.simplified(), Qt::ElideRight, 420));
        action->setObjectName(QStringLiteral("recentPrompt_%1").arg(i));
        action->setToolTip(prompt);
        action->setData(prompt);
        connect(action, &QAction::triggered, this, [this, prompt] {
            m_prompt->setPlainText(prompt);
            m_prompt->moveCursor(QTextCursor::End);
            m_prompt->setFocus();
        });
    }
    if (prompts.isEmpty()) {
        m_recentMenu->addAction(tr("No recent prompts yet"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        QAction* clear = m_recentMenu->addAction(tr("Clear recent prompts"));
        clear->setObjectName(QStringLiteral("clearRecentPrompts"));
        connect(clear, &QAction::triggered, this, [this] {
            m_recent->clear();
            rebuildRecentMenu();
        });
    }
    m_recentButton->setEnabled(true);
}

} // namespace pixverse
