#include "ui/PromptEditor.h"

#include "core/generation/RecentPrompts.h"
#include "core/settings/AppSettings.h"
#include "ui/UiHelpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontMetrics>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QShortcut>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace pixverse {

namespace {

QString currentValue(const QComboBox* combo) {
    return combo->currentData().toString();
}

bool selectValue(QComboBox* combo, const QString& value) {
    const int index = combo->findData(value);
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

//! "horizontal_left" -> "Horizontal left": for values the table knows and this file does not.
QString prettified(const QString& id) {
    QString text = id;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

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
    m_updating = true;
    const GenerationRequest remembered = m_settings->defaultGeneration();
    rebuildModels(remembered.model);
    rebuildValues(remembered);
    m_seedFixed->setChecked(remembered.seed.has_value());
    if (remembered.seed)
        m_seed->setValue(
            static_cast<int>(std::clamp<qint64>(*remembered.seed, 0, m_seed->maximum())));
    m_switches.value(QStringLiteral("audio"))->setChecked(remembered.audio);
    m_switches.value(QStringLiteral("multiClip"))->setChecked(remembered.multiClip);
    m_switches.value(QStringLiteral("offPeak"))->setChecked(remembered.offPeak);
    m_updating = false;
    updateItemStates();
    updateVisibility();
    updateState();
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

    m_prompt = new QPlainTextEdit(this);
    m_prompt->setObjectName(QStringLiteral("promptEdit"));
    m_prompt->setPlaceholderText(
        tr("Describe the video: the subject, what happens, the camera, the light…"));
    m_prompt->setTabChangesFocus(true);
    m_prompt->setMinimumHeight(m_prompt->fontMetrics().lineSpacing() * 4 + 12);
    promptLabel->setBuddy(m_prompt);
    layout->addWidget(m_prompt, 3);

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

    connect(m_prompt, &QPlainTextEdit::textChanged, this, &PromptEditor::onTextChanged);
    connect(m_negative, &QPlainTextEdit::textChanged, this, &PromptEditor::onTextChanged);

    // The settings: label/field pairs laid out two to a row by updateVisibility().
    auto makeChoice = [this](Choice& c, const QString& field, const QString& label) {
        c.field = field;
        c.label = new QLabel(label, this);
        c.label->setObjectName(field + QStringLiteral("Label"));
        c.combo = new QComboBox(this);
        c.combo->setObjectName(field + QStringLiteral("Combo"));
        c.combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c.combo->setMinimumContentsLength(7);
        c.combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        c.label->setBuddy(c.combo);
    };
    makeChoice(m_model, QStringLiteral("model"), tr("&Model"));
    makeChoice(m_duration, QStringLiteral("duration"), tr("&Duration"));
    makeChoice(m_quality, QStringLiteral("quality"), tr("&Quality"));
    makeChoice(m_aspect, QStringLiteral("aspectRatio"), tr("&Aspect ratio"));
    makeChoice(m_motion, QStringLiteral("motionMode"), tr("M&otion"));
    makeChoice(m_style, QStringLiteral("style"), tr("St&yle"));
    makeChoice(m_camera, QStringLiteral("cameraMovement"), tr("&Camera"));
    m_aspect.combo->setToolTip(tr("The shape of the video. With an image, the image decides it."));

    connect(m_model.combo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        // Keep what the creator chose where the new model offers it.
        GenerationRequest current = request();
        current.style = currentValue(m_style.combo);
        current.cameraMovement = currentValue(m_camera.combo);
        m_updating = true;
        rebuildValues(current);
        m_updating = false;
        onSettingChanged();
    });
    for (Choice* c : {&m_duration, &m_quality, &m_aspect, &m_motion, &m_style, &m_camera})
        connect(c->combo, &QComboBox::currentIndexChanged, this, &PromptEditor::onSettingChanged);

    auto* settingsGrid = new QGridLayout;
    settingsGrid->setObjectName(QStringLiteral("settingsGrid"));
    settingsGrid->setColumnStretch(1, 1);
    settingsGrid->setColumnStretch(3, 1);
    settingsGrid->setHorizontalSpacing(8);
    layout->addSpacing(4);
    layout->addLayout(settingsGrid);

    // Seed: random each time, or fixed (typed, or rolled with the dice).
    auto* seedLabel = new QLabel(tr("S&eed"), this);
    seedLabel->setObjectName(QStringLiteral("seedLabel"));
    m_seedFixed = new QCheckBox(tr("Fixed"), this);
    m_seedFixed->setObjectName(QStringLiteral("seedFixedCheck"));
    m_seedFixed->setToolTip(tr(
        "Unchecked: a new random seed each time. Checked: the same seed, for repeatable results."));
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seedSpin"));
    m_seed->setRange(
        0, static_cast<int>(qMin<qint64>(m_catalog->seedMax(), std::numeric_limits<int>::max())));
    m_seed->setEnabled(false);
    // Wide enough for the largest seed, no wider.
    m_seed->setMinimumWidth(m_seed->fontMetrics().horizontalAdvance(QStringLiteral("2147483647")) +
                            40);
    seedLabel->setBuddy(m_seed);
    m_seedDice = new QToolButton(this);
    m_seedDice->setObjectName(QStringLiteral("seedDiceButton"));
    m_seedDice->setText(tr("⚄ Roll"));
    m_seedDice->setToolTip(tr("Roll a random seed and keep it"));
    m_seedDice->setAccessibleName(tr("Roll a random seed"));
    connect(m_seedDice, &QToolButton::clicked, this, &PromptEditor::rollSeed);
    connect(m_seedFixed, &QCheckBox::toggled, this, [this](bool on) {
        m_seed->setEnabled(on);
        onSettingChanged();
    });
    connect(m_seed, &QSpinBox::valueChanged, this, &PromptEditor::onSettingChanged);
    auto* seedRow = new QHBoxLayout;
    seedRow->addWidget(m_seedFixed);
    seedRow->addWidget(m_seed);
    seedRow->addWidget(m_seedDice);
    seedRow->addStretch(1);
    settingsGrid->addWidget(seedLabel, 10, 0);
    settingsGrid->addLayout(seedRow, 10, 1, 1, 3);

    // The switches some models have (audio, multi-shot, off-peak); labels come from the table.
    auto* switchRow = new QHBoxLayout;
    for (const char* id : {"audio", "multiClip", "offPeak"}) {
        const QString switchId = QLatin1String(id);
        auto* box = new QCheckBox(m_catalog->switchLabel(switchId), this);
        box->setObjectName(QStringLiteral("switch_") + switchId);
        connect(box, &QCheckBox::toggled, this, &PromptEditor::onSettingChanged);
        m_switches.insert(switchId, box);
        switchRow->addWidget(box);
    }
    switchRow->addStretch(1);
    settingsGrid->addLayout(switchRow, 11, 0, 1, 4);

    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);

    // Cost, balance and Generate.
    m_cost = new QLabel(this);
    m_cost->setObjectName(QStringLiteral("costLabel"));
    QFont costFont = m_cost->font();
    costFont.setBold(true);
    m_cost->setFont(costFont);
    m_balanceLabel = new QLabel(this);
    m_balanceLabel->setObjectName(QStringLiteral("balanceLabel"));
    m_generate = new QPushButton(tr("&Generate"), this);
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_generate->setMinimumWidth(m_generate->fontMetrics().horizontalAdvance(m_generate->text()) +
                                48);
    m_generate->setAutoDefault(false);
    connect(m_generate, &QPushButton::clicked, this, &PromptEditor::generate);
    auto* costColumn = new QVBoxLayout;
    costColumn->setSpacing(0);
    costColumn->addWidget(m_cost);
    costColumn->addWidget(m_balanceLabel);
    auto* generateRow = new QHBoxLayout;
    generateRow->addLayout(costColumn, 1);
    generateRow->addWidget(m_generate, 0, Qt::AlignVCenter);
    layout->addLayout(generateRow);

    m_blocked = new QLabel(this);
    m_blocked->setObjectName(QStringLiteral("generateBlockedLabel"));
    m_blocked->setWordWrap(true);
    m_blocked->setMinimumHeight(m_blocked->fontMetrics().lineSpacing());
    layout->addWidget(m_blocked);

    for (const QKeyCombination keys : {Qt::CTRL | Qt::Key_Return, Qt::CTRL | Qt::Key_Enter}) {
        auto* shortcut = new QShortcut(QKeySequence(keys), this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, &PromptEditor::generate);
    }
}

void PromptEditor::setCatalog(const ModelCatalog* catalog) {
    const GenerationRequest current = request();
    m_catalog = catalog;
    for (auto it = m_switches.begin(); it != m_switches.end(); ++it)
        it.value()->setText(m_catalog->switchLabel(it.key()));
    m_seed->setMaximum(
        static_cast<int>(qMin<qint64>(m_catalog->seedMax(), std::numeric_limits<int>::max())));
    m_updating = true;
    rebuildModels(current.model);
    rebuildValues(current);
    m_updating = false;
    onSettingChanged();
}

void PromptEditor::setFamily(ApiFamily family) {
    if (family == m_family)
        return;
    const GenerationRequest current = request();
    m_family = family;
    m_updating = true;
    rebuildModels(current.model);
    rebuildValues(current);
    m_updating = false;
    onSettingChanged();
}

void PromptEditor::setBalance(std::optional<qint64> credits) {
    m_balance = credits;
    updateState();
}

void PromptEditor::setImageMode(bool on) {
    if (on == m_imageMode)
        return;
    m_imageMode = on;
    if (!on)
        m_imagePath.clear();
    updateItemStates(); // image-to-video changes what some values allow (camera movements)
    updateVisibility();
    updateState();
}

void PromptEditor::setImagePath(const QString& path) {
    m_imagePath = path;
    if (m_imageMode != !path.isEmpty())
        setImageMode(!path.isEmpty());
    else
        updateState();
}

void PromptEditor::setImagePending(bool pending) {
    m_imagePending = pending;
    updateState();
}

GenerationRequest PromptEditor::request() const {
    GenerationRequest r;
    r.prompt = m_prompt->toPlainText();
    r.negativePrompt = m_negative->toPlainText();
    r.model = currentValue(m_model.combo);
    r.duration = currentValue(m_duration.combo).toInt();
    r.quality = currentValue(m_quality.combo);
    r.aspectRatio = currentValue(m_aspect.combo);
    r.motionMode = currentValue(m_motion.combo);
    const ModelSpec* spec = currentSpec();
    r.style = spec && spec->takesStyle() ? currentValue(m_style.combo) : QString();
    r.cameraMovement = spec && spec->cameraMovement ? currentValue(m_camera.combo) : QString();
    if (m_seedFixed->isChecked())
        r.seed = m_seed->value();
    const QStringList familySwitches = m_catalog->switchesFor(m_family);
    auto on = [&](const QString& id) {
        return spec && spec->hasSwitch(id, m_family) && familySwitches.contains(id) &&
               m_switches.value(id)->isChecked();
    };
    r.audio = on(QStringLiteral("audio"));
    r.multiClip = on(QStringLiteral("multiClip"));
    r.offPeak = on(QStringLiteral("offPeak"));
    r.setStartImage(m_imageMode ? m_imagePath : QString());
    return r;
}

void PromptEditor::setRequest(const GenerationRequest& request) {
    m_updating = true;
    m_prompt->setPlainText(request.prompt);
    m_negative->setPlainText(request.negativePrompt);
    rebuildModels(request.model);
    rebuildValues(request);
    m_seedFixed->setChecked(request.seed.has_value());
    m_seed->setEnabled(request.seed.has_value());
    if (request.seed)
        m_seed->setValue(static_cast<int>(std::clamp<qint64>(*request.seed, 0, m_seed->maximum())));
    m_switches.value(QStringLiteral("audio"))->setChecked(request.audio);
    m_switches.value(QStringLiteral("multiClip"))->setChecked(request.multiClip);
    m_switches.value(QStringLiteral("offPeak"))->setChecked(request.offPeak);
    m_updating = false;
    onSettingChanged();
}

const ModelSpec* PromptEditor::currentSpec() const {
    return m_catalog->model(currentValue(m_model.combo));
}

GenerationRequest PromptEditor::ruleRequest() const {
    GenerationRequest r = request();
    if (m_imageMode && r.startImagePath().isEmpty())
        r.setStartImage(kImagePlaceholder);
    return r;
}

void PromptEditor::rebuildModels(const QString& preferred) {
    m_model.combo->clear();
    const QList<ModelSpec> models = m_catalog->offeredModels(m_family);
    for (const ModelSpec& spec : models)
        m_model.combo->addItem(spec.label, spec.id);
    if (!selectValue(m_model.combo, preferred) &&
        !selectValue(m_model.combo, GenerationRequest().model))
        m_model.combo->setCurrentIndex(m_model.combo->count() > 0 ? 0 : -1);
}

void PromptEditor::rebuildValues(const GenerationRequest& preferred) {
    const ModelSpec* spec = currentSpec();
    if (!spec)
        return;
    const GenerationRequest defaults;
    auto fill = [this](const Choice& c, const QStringList& values, const QString& wanted,
                       const QString& fallback) {
        c.combo->clear();
        for (const QString& value : values)
            c.combo->addItem(valueLabel(c.field, value), value);
        if (!selectValue(c.combo, wanted) && !selectValue(c.combo, fallback))
            c.combo->setCurrentIndex(c.combo->count() > 0 ? 0 : -1);
    };
    QStringList durations;
    for (int d : spec->durations())
        durations << QString::number(d);
    fill(m_duration, durations, QString::number(preferred.duration),
         QString::number(defaults.duration));
    fill(m_quality, spec->qualities, preferred.quality, defaults.quality);
    fill(m_aspect, spec->aspectRatios(m_family), preferred.aspectRatio, defaults.aspectRatio);
    fill(m_motion, spec->motionChoices(), preferred.motionMode, defaults.motionMode);
    fill(m_style, QStringList{QString()} + spec->styles, preferred.style, QString());
    fill(m_camera, QStringList{QString()} + m_catalog->cameraMovements(), preferred.cameraMovement,
         QString());
}

void PromptEditor::updateItemStates() {
    const GenerationRequest r = ruleRequest();
    for (const Choice* c :
         {&m_model, &m_duration, &m_quality, &m_aspect, &m_motion, &m_style, &m_camera}) {
        auto* model = qobject_cast<QStandardItemModel*>(c->combo->model());
        if (!model)
            continue;
        QString currentReason;
        for (int row = 0; row < model->rowCount(); ++row) {
            QStandardItem* item = model->item(row);
            const QString value = item->data(Qt::UserRole).toString();
            const std::optional<QString> why =
                m_catalog->whyNotAllowed(r, m_family, c->field, value);
            Qt::ItemFlags flags = item->flags();
            flags.setFlag(Qt::ItemIsEnabled, !why);
            flags.setFlag(Qt::ItemIsSelectable, !why);
            item->setFlags(flags);
            item->setData(why ? QVariant(*why) : QVariant(), Qt::ToolTipRole);
            if (row == c->combo->currentIndex() && why)
                currentReason = *why;
        }
        // The closed combo tells why its own value is a problem.
        c->combo->setToolTip(currentReason);
    }
    m_aspect.combo->setToolTip(
        m_aspect.combo->toolTip().isEmpty()
            ? tr("The shape of the video. With an image, the image decides it.")
            : m_aspect.combo->toolTip());
    for (auto it = m_switches.begin(); it != m_switches.end(); ++it) {
        const std::optional<QString> why =
            m_catalog->whyNotAllowed(r, m_family, it.key(), QStringLiteral("true"));
        // A checked switch stays clickable so that it can be turned off.
        it.value()->setEnabled(!why || it.value()->isChecked());
        it.value()->setToolTip(why.value_or(QString()));
    }
}

void PromptEditor::updateVisibility() {
    const ModelSpec* spec = currentSpec();
    m_aspect.label->setVisible(!m_imageMode);
    m_aspect.combo->setVisible(!m_imageMode);
    const bool styles = spec && spec->takesStyle();
    m_style.label->setVisible(styles);
    m_style.combo->setVisible(styles);
    const bool camera = spec && spec->cameraMovement;
    m_camera.label->setVisible(camera);
    m_camera.combo->setVisible(camera);
    m_motion.combo->setEnabled(m_motion.combo->count() > 1);
    if (m_motion.combo->count() <= 1 && spec)
        m_motion.combo->setToolTip(tr("%1 has one motion mode.").arg(spec->label));
    const QStringList familySwitches = m_catalog->switchesFor(m_family);
    for (auto it = m_switches.begin(); it != m_switches.end(); ++it)
        it.value()->setVisible(spec && spec->hasSwitch(it.key(), m_family) &&
                               familySwitches.contains(it.key()));

    // Lay the visible choices out two to a row, so that a hidden one leaves no hole.
    auto* grid = findChild<QGridLayout*>(QStringLiteral("settingsGrid"));
    int slot = 0;
    for (const Choice* c :
         {&m_model, &m_duration, &m_quality, &m_aspect, &m_motion, &m_style, &m_camera}) {
        grid->removeWidget(c->label);
        grid->removeWidget(c->combo);
        if (!c->combo->isVisibleTo(this))
            continue;
        const int row = slot / 2;
        const int column = (slot % 2) * 2;
        grid->addWidget(c->label, row, column);
        grid->addWidget(c->combo, row, column + 1);
        ++slot;
    }
}

std::optional<int> PromptEditor::cost() const {
    return m_catalog->creditCost(ruleRequest());
}

QStringList PromptEditor::blockingReasons() const {
    QStringList reasons;
    if (m_imagePending) // even before image mode: a dropped image is meant to be used
        reasons << tr("Wait: the image is still being checked.");
    else if (m_imageMode && m_imagePath.isEmpty())
        reasons << tr("Add an image to animate, or remove it to generate from the prompt alone.");
    const GenerationRequest r = ruleRequest();
    const QList<RuleViolation> violations = m_catalog->validate(r, m_family);
    for (const RuleViolation& v : violations)
        reasons << v.reason;
    const std::optional<int> credits = m_catalog->creditCost(r);
    if (m_balance && credits && *m_balance < *credits)
        reasons << tr("Not enough credits: this video costs %1 and the balance is %2.")
                       .arg(QLocale().toString(*credits), QLocale().toString(*m_balance));
    return reasons;
}

bool PromptEditor::canGenerate() const {
    return blockingReasons().isEmpty();
}

void PromptEditor::updateState() {
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
    showCount(m_promptCount, m_prompt->toPlainText(), m_catalog->promptMaxLength(m_family));
    showCount(m_negativeCount, m_negative->toPlainText(), m_catalog->negativePromptMaxLength());

    const std::optional<int> credits = cost();
    m_cost->setText(credits ? tr("Cost: %1 credits").arg(QLocale().toString(*credits))
                            : tr("Cost: no price for these settings"));
    m_balanceLabel->setText(m_balance
                                ? tr("Balance: %1 credits").arg(QLocale().toString(*m_balance))
                                : tr("Balance: unknown"));

    const QStringList reasons = blockingReasons();
    const bool can = reasons.isEmpty();
    m_generate->setEnabled(can);
    m_generate->setToolTip(can ? tr("Generate the video (Ctrl+Enter)")
                               : reasons.join(QLatin1Char('\n')));
    m_blocked->setText(reasons.value(0));
    // An empty prompt is where everyone starts: say it quietly; anything else is an error.
    const bool onlyEmptyPrompt = reasons.size() == 1 && m_prompt->toPlainText().trimmed().isEmpty();
    QPalette p = palette();
    p.setColor(QPalette::WindowText, onlyEmptyPrompt ? ui::hintColor(p) : ui::errorColor(p));
    m_blocked->setPalette(p);

    Q_EMIT requestChanged();
    if (can != m_lastCanGenerate) {
        m_lastCanGenerate = can;
        Q_EMIT canGenerateChanged(can);
    }
}

void PromptEditor::onSettingChanged() {
    if (m_updating)
        return;
    updateItemStates();
    updateVisibility();
    updateState();
    remember();
}

void PromptEditor::onTextChanged() {
    if (!m_updating)
        updateState();
}

void PromptEditor::remember() {
    m_settings->setDefaultGeneration(request());
}

void PromptEditor::generate() {
    if (!canGenerate())
        return;
    const GenerationRequest r = request();
    m_recent->add(r.prompt);
    rebuildRecentMenu();
    remember();
    Q_EMIT generateRequested(r);
}

void PromptEditor::rollSeed() {
    m_seed->setValue(QRandomGenerator::global()->bounded(m_seed->maximum()));
    m_seedFixed->setChecked(true);
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

QString PromptEditor::valueLabel(const QString& field, const QString& value) const {
    if (field == QLatin1String("duration"))
        return tr("%1 s").arg(value);
    if (field == QLatin1String("quality"))
        return value == QLatin1String("360p") ? tr("360p (Turbo)") : value;
    if (field == QLatin1String("motionMode")) {
        if (value == QLatin1String("normal"))
            return tr("Normal");
        if (value == QLatin1String("fast"))
            return tr("Fast");
        return prettified(value);
    }
    if (field == QLatin1String("style") || field == QLatin1String("cameraMovement")) {
        static const QHash<QString, const char*> names{
            {QStringLiteral("anime"), QT_TR_NOOP("Anime")},
            {QStringLiteral("3d_animation"), QT_TR_NOOP("3D animation")},
            {QStringLiteral("day"), QT_TR_NOOP("Day")},
            {QStringLiteral("cyberpunk"), QT_TR_NOOP("Cyberpunk")},
            {QStringLiteral("comic"), QT_TR_NOOP("Comic")},
            {QStringLiteral("horizontal_left"), QT_TR_NOOP("Horizontal left")},
            {QStringLiteral("horizontal_right"), QT_TR_NOOP("Horizontal right")},
            {QStringLiteral("vertical_up"), QT_TR_NOOP("Vertical up")},
            {QStringLiteral("vertical_down"), QT_TR_NOOP("Vertical down")},
            {QStringLiteral("zoom_in"), QT_TR_NOOP("Zoom in")},
            {QStringLiteral("zoom_out"), QT_TR_NOOP("Zoom out")},
            {QStringLiteral("auto_camera"), QT_TR_NOOP("Auto camera")},
            {QStringLiteral("crane_up"), QT_TR_NOOP("Crane up")},
            {QStringLiteral("quickly_zoom_in"), QT_TR_NOOP("Quickly zoom in")},
            {QStringLiteral("quickly_zoom_out"), QT_TR_NOOP("Quickly zoom out")},
            {QStringLiteral("smooth_zoom_in"), QT_TR_NOOP("Smooth zoom in")},
            {QStringLiteral("camera_rotation"), QT_TR_NOOP("Camera rotation")},
            {QStringLiteral("robo_arm"), QT_TR_NOOP("Robo arm")},
            {QStringLiteral("super_dolly_out"), QT_TR_NOOP("Super dolly out")},
            {QStringLiteral("whip_pan"), QT_TR_NOOP("Whip pan")},
            {QStringLiteral("hitchcock"), QT_TR_NOOP("Hitchcock")},
            {QStringLiteral("left_follow"), QT_TR_NOOP("Left follow")},
            {QStringLiteral("right_follow"), QT_TR_NOOP("Right follow")},
            {QStringLiteral("pan_left"), QT_TR_NOOP("Pan left")},
            {QStringLiteral("pan_right"), QT_TR_NOOP("Pan right")},
            {QStringLiteral("fix_bg"), QT_TR_NOOP("Fixed background")},
        };
        if (value.isEmpty())
            return tr("None");
        const char* name = names.value(value);
        return name ? tr(name) : prettified(value);
    }
    return value;
}

} // namespace pixverse
