#include "ui/GenerationSettingsPanel.h"

#include "ui/DurationControl.h"
#include "ui/UiHelpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>

#include <algorithm>
#include <limits>
#include <optional>

namespace pixverse {

namespace {

//! "horizontal_left" -> "Horizontal left": for values the table knows and this file does not.
QString prettified(const QString& id) {
    QString text = id;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

int seedMaximum(const ModelCatalog& catalog) {
    return static_cast<int>(qMin<qint64>(catalog.seedMax(), std::numeric_limits<int>::max()));
}

//! The switches a request carries, by their catalog ids.
const QStringList kSwitchIds{QStringLiteral("audio"), QStringLiteral("multiClip"),
                             QStringLiteral("offPeak")};

} // namespace

QString GenerationSettingsPanel::currentValue(const QComboBox* combo) {
    return combo->currentData().toString();
}

bool GenerationSettingsPanel::selectValue(QComboBox* combo, const QString& value) {
    const int index = combo->findData(value);
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

GenerationSettingsPanel::GenerationSettingsPanel(const ModelCatalog* catalog, QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog) {
    setObjectName(QStringLiteral("generationSettings"));
    m_grid = new QGridLayout(this);
    m_grid->setObjectName(QStringLiteral("settingsGrid"));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(3, 1);
    m_grid->setHorizontalSpacing(8);
    buildChoices();
    buildSeedAndSwitches();
    m_hint = ui::hintLabel(QString(), this);
    m_hint->setObjectName(QStringLiteral("settingsHintLabel"));
    m_hint->hide();
    m_grid->addWidget(m_hint, 12, 0, 1, 4);
    m_modeHint = ui::hintLabel(QString(), this);
    m_modeHint->setObjectName(QStringLiteral("modeHintLabel"));
    m_modeHint->hide();
    m_grid->addWidget(m_modeHint, 9, 0, 1, 4);
}

GenerationSettingsPanel::~GenerationSettingsPanel() = default;

void GenerationSettingsPanel::buildChoices() {
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
    makeChoice(m_mode, QStringLiteral("mode"), tr("Mode"));
    makeChoice(m_quality, QStringLiteral("quality"), tr("&Quality"));
    makeChoice(m_aspect, QStringLiteral("aspectRatio"), tr("&Aspect ratio"));
    makeChoice(m_motion, QStringLiteral("motionMode"), tr("M&otion"));
    makeChoice(m_style, QStringLiteral("style"), tr("St&yle"));
    makeChoice(m_camera, QStringLiteral("cameraMovement"), tr("&Camera"));
    m_mode.combo->setToolTip(tr("What the video is made from. Dropping an image chooses "
                                "image to video."));
    m_durationLabel = new QLabel(tr("&Duration"), this);
    m_durationLabel->setObjectName(QStringLiteral("durationLabel"));
    m_duration = new DurationControl(this);
    m_durationLabel->setBuddy(m_duration);

    connect(m_model.combo, &QComboBox::currentIndexChanged, this,
            &GenerationSettingsPanel::onModelChosen);
    connect(m_mode.combo, &QComboBox::currentIndexChanged, this,
            &GenerationSettingsPanel::onModeChosen);
    connect(m_duration, &DurationControl::durationChanged, this,
            &GenerationSettingsPanel::onChanged);
    for (Choice* c : {&m_quality, &m_aspect, &m_motion, &m_style, &m_camera})
        connect(c->combo, &QComboBox::currentIndexChanged, this,
                &GenerationSettingsPanel::onChanged);
}

void GenerationSettingsPanel::buildSeedAndSwitches() {
    // Seed: random each time, or fixed (typed, or rolled with the dice).
    auto* seedLabel = new QLabel(tr("S&eed"), this);
    seedLabel->setObjectName(QStringLiteral("seedLabel"));
    m_seedFixed = new QCheckBox(tr("Fixed"), this);
    m_seedFixed->setObjectName(QStringLiteral("seedFixedCheck"));
    m_seedFixed->setToolTip(tr(
        "Unchecked: a new random seed each time. Checked: the same seed, for repeatable results."));
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seedSpin"));
    m_seed->setRange(0, seedMaximum(*m_catalog));
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
    connect(m_seedDice, &QToolButton::clicked, this, &GenerationSettingsPanel::rollSeed);
    connect(m_seedFixed, &QCheckBox::toggled, this, [this](bool on) {
        m_seed->setEnabled(on);
        onChanged();
    });
    connect(m_seed, &QSpinBox::valueChanged, this, &GenerationSettingsPanel::onChanged);
    auto* seedRow = new QHBoxLayout;
    seedRow->addWidget(m_seedFixed);
    seedRow->addWidget(m_seed);
    seedRow->addWidget(m_seedDice);
    seedRow->addStretch(1);
    m_grid->addWidget(seedLabel, 10, 0);
    m_grid->addLayout(seedRow, 10, 1, 1, 3);

    // The switches some models have (sound, multi-shot, off-peak); labels come from the table.
    auto* switchRow = new QHBoxLayout;
    for (const QString& id : kSwitchIds) {
        auto* box = new QCheckBox(m_catalog->switchLabel(id), this);
        box->setObjectName(QStringLiteral("switch_") + id);
        connect(box, &QCheckBox::toggled, this, &GenerationSettingsPanel::onChanged);
        m_switches.insert(id, box);
        switchRow->addWidget(box);
    }
    switchRow->addStretch(1);
    m_grid->addLayout(switchRow, 11, 0, 1, 4);
}

void GenerationSettingsPanel::setCatalog(const ModelCatalog* catalog) {
    GenerationRequest current;
    applyTo(current);
    m_catalog = catalog;
    for (auto it = m_switches.begin(); it != m_switches.end(); ++it)
        it.value()->setText(m_catalog->switchLabel(it.key()));
    m_seed->setMaximum(seedMaximum(*m_catalog));
    setSettings(current);
}

void GenerationSettingsPanel::setFamily(ApiFamily family) {
    if (family == m_family)
        return;
    GenerationRequest current;
    applyTo(current);
    m_family = family;
    setSettings(current);
}

void GenerationSettingsPanel::setSettings(const GenerationRequest& request) {
    const ModelSpec* wanted = m_catalog->model(request.model);
    m_updating = true;
    rebuildModels(request.model);
    m_updating = false;
    const ModelSpec* chosen = currentModel();
    // A model this account is not offered (a job reused from another account, an old setting)
    // is replaced by the family's default; the hint says so.
    const QString replaced =
        wanted && chosen && wanted->id != chosen->id ? wanted->label : QString();
    GenerationRequest fitted = request;
    fitted.model = chosen ? chosen->id : request.model;
    fitAndShow(fitted, replaced);
}

void GenerationSettingsPanel::fitAndShow(GenerationRequest request,
                                         const QString& previousModelLabel) {
    const QList<SettingChange> changes = m_catalog->fitToModel(request, m_family);
    QStringList hint;
    const ModelSpec* spec = m_catalog->model(request.model);
    if (!previousModelLabel.isEmpty() && spec)
        hint << tr("%1 is not offered for this account: %2 is used instead.")
                    .arg(previousModelLabel, spec->label);
    for (const SettingChange& change : changes)
        hint << changeText(change);
    m_updating = true;
    rebuildValues(request);
    m_seedFixed->setChecked(request.seed.has_value());
    m_seed->setEnabled(request.seed.has_value());
    if (request.seed)
        m_seed->setValue(static_cast<int>(std::clamp<qint64>(*request.seed, 0, m_seed->maximum())));
    m_switches.value(QStringLiteral("audio"))->setChecked(request.audio);
    m_switches.value(QStringLiteral("multiClip"))->setChecked(request.multiClip);
    m_switches.value(QStringLiteral("offPeak"))->setChecked(request.offPeak);
    m_updating = false;
    m_hint->setText(hint.join(QLatin1Char('\n')));
    m_hint->setVisible(!hint.isEmpty());
    updateVisibility();
}

void GenerationSettingsPanel::applyTo(GenerationRequest& r) const {
    const ModelSpec* spec = currentModel();
    r.model = currentValue(m_model.combo);
    if (const std::optional<GenerationMode> mode = generationModeFromId(currentValue(m_mode.combo)))
        r.mode = *mode;
    r.duration = m_duration->duration();
    r.quality = currentValue(m_quality.combo);
    r.aspectRatio = currentValue(m_aspect.combo);
    r.motionMode = currentValue(m_motion.combo);
    r.style = spec && spec->takesStyle() ? currentValue(m_style.combo) : QString();
    r.cameraMovement = spec && spec->cameraMovement ? currentValue(m_camera.combo) : QString();
    r.seed = m_seedFixed->isChecked() ? std::optional<qint64>(m_seed->value()) : std::nullopt;
    auto on = [this](const QString& id) {
        const QCheckBox* box = m_switches.value(id);
        return box->isVisibleTo(this) && box->isChecked();
    };
    r.audio = on(QStringLiteral("audio"));
    r.multiClip = on(QStringLiteral("multiClip"));
    r.offPeak = on(QStringLiteral("offPeak"));
}

GenerationMode GenerationSettingsPanel::mode() const {
    return generationModeFromId(currentValue(m_mode.combo)).value_or(GenerationMode::TextToVideo);
}

const ModelSpec* GenerationSettingsPanel::currentModel() const {
    return m_catalog->model(currentValue(m_model.combo));
}

QString GenerationSettingsPanel::fitHint() const {
    return m_hint->text();
}

void GenerationSettingsPanel::setEffectImageCount(int count) {
    if (count == m_effectImageCount)
        return;
    m_effectImageCount = count;
    updateVisibility();
}

void GenerationSettingsPanel::rollSeed() {
    m_seed->setValue(QRandomGenerator::global()->bounded(m_seed->maximum()));
    m_seedFixed->setChecked(true);
}

void GenerationSettingsPanel::rebuildModels(const QString& preferred) {
    m_model.combo->clear();
    const QList<ModelSpec> models = m_catalog->offeredModels(m_family);
    for (const ModelSpec& spec : models)
        m_model.combo->addItem(spec.label, spec.id);
    const ModelSpec* asked = m_catalog->model(preferred);
    if (asked && selectValue(m_model.combo, asked->id))
        return;
    if (!selectValue(m_model.combo, m_catalog->defaultModel(m_family)))
        m_model.combo->setCurrentIndex(m_model.combo->count() > 0 ? 0 : -1);
}

void GenerationSettingsPanel::rebuildValues(const GenerationRequest& request) {
    const ModelSpec* spec = currentModel();
    if (!spec)
        return;
    auto fill = [this](const Choice& c, const QStringList& values, const QString& wanted) {
        c.combo->clear();
        for (const QString& value : values)
            c.combo->addItem(valueLabel(c.field, value), value);
        if (!selectValue(c.combo, wanted))
            c.combo->setCurrentIndex(c.combo->count() > 0 ? 0 : -1);
    };
    fill(m_mode, listedModes(), generationModeId(request.mode));
    m_duration->setDurations(spec->durations(), spec->durationIsRange(), request.duration);
    m_duration->setDuration(request.duration);
    fill(m_quality, spec->qualities, request.quality);
    fill(m_aspect, spec->aspectRatios(m_family), request.aspectRatio);
    fill(m_motion, spec->motionChoices(), request.motionMode);
    fill(m_style, QStringList{QString()} + spec->styles, request.style);
    fill(m_camera, QStringList{QString()} + m_catalog->cameraMovements(), request.cameraMovement);
}

void GenerationSettingsPanel::onModelChosen() {
    if (m_updating)
        return;
    // The settings as they were, on the new model: kept where still valid, else moved to the
    // nearest valid value, and the hint says which and why.
    GenerationRequest current;
    applyTo(current);
    current.style = currentValue(m_style.combo);
    current.cameraMovement = currentValue(m_camera.combo);
    current.motionMode = currentValue(m_motion.combo);
    fitAndShow(current);
    updateVisibility();
    Q_EMIT settingsChanged();
}

void GenerationSettingsPanel::onChanged() {
    if (m_updating)
        return;
    // The hint is about the last change of model; another change makes it old news.
    m_hint->clear();
    m_hint->hide();
    updateVisibility();
    Q_EMIT settingsChanged();
}

void GenerationSettingsPanel::showRules(const GenerationRequest& r) {
    for (const Choice* c : {&m_model, &m_quality, &m_aspect, &m_motion, &m_style, &m_camera}) {
        markRefusals(c->combo, [this, &r, c](const QString& value) {
            return m_catalog->whyNotAllowed(r, m_family, c->field, value);
        });
    }
    showModeRefusals();
    if (m_aspect.combo->toolTip().isEmpty())
        m_aspect.combo->setToolTip(
            tr("The shape of the video. With an image, the image decides it."));
    if (m_mode.combo->toolTip().isEmpty())
        m_mode.combo->setToolTip(
            tr("What the video is made from. Dropping an image chooses image to video."));
    m_duration->setRefusals([this, r](int seconds) {
        return m_catalog->whyNotAllowed(r, m_family, QStringLiteral("duration"),
                                        QString::number(seconds));
    });
    for (auto it = m_switches.begin(); it != m_switches.end(); ++it) {
        const std::optional<QString> why =
            m_catalog->whyNotAllowed(r, m_family, it.key(), QStringLiteral("true"));
        // A checked switch stays clickable so that it can be turned off.
        it.value()->setEnabled(!why || it.value()->isChecked());
        it.value()->setToolTip(why.value_or(QString()));
    }
}

QStringList GenerationSettingsPanel::markRefusals(
    QComboBox* combo, const std::function<std::optional<QString>(const QString&)>& whyNot) {
    QStringList refusals;
    QString currentReason;
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    for (int row = 0; model && row < model->rowCount(); ++row) {
        QStandardItem* item = model->item(row);
        const std::optional<QString> why = whyNot(item->data(Qt::UserRole).toString());
        Qt::ItemFlags flags = item->flags();
        flags.setFlag(Qt::ItemIsEnabled, !why);
        flags.setFlag(Qt::ItemIsSelectable, !why);
        item->setFlags(flags);
        item->setData(why ? QVariant(*why) : QVariant(), Qt::ToolTipRole);
        if (why)
            refusals << *why;
        if (row == combo->currentIndex() && why)
            currentReason = *why;
    }
    // The closed combo tells why its own value is a problem.
    combo->setToolTip(currentReason);
    return refusals;
}

void GenerationSettingsPanel::updateVisibility() {
    const ModelSpec* spec = currentModel();
    // The shape is chosen where no image decides it: text to video, reference to video (its
    // references are not frames) and an effect of no image.
    const GenerationMode now = mode();
    const bool shapeChosen = now == GenerationMode::TextToVideo || now == GenerationMode::Fusion ||
                             (now == GenerationMode::Effect && m_effectImageCount == 0);
    m_aspect.label->setVisible(shapeChosen);
    m_aspect.combo->setVisible(shapeChosen);
    // One mode is nothing to choose, but it still says what the video is made from.
    m_mode.combo->setEnabled(m_mode.combo->count() > 1);
    const bool motion = spec && !spec->motionModes.isEmpty();
    m_motion.label->setVisible(motion);
    m_motion.combo->setVisible(motion);
    m_motion.combo->setEnabled(m_motion.combo->count() > 1);
    if (m_motion.combo->count() == 1 && spec)
        m_motion.combo->setToolTip(tr("%1 has one motion mode.").arg(spec->label));
    const bool styles = spec && spec->takesStyle();
    m_style.label->setVisible(styles);
    m_style.combo->setVisible(styles);
    const bool camera = spec && spec->cameraMovement;
    m_camera.label->setVisible(camera);
    m_camera.combo->setVisible(camera);
    const QStringList switches = spec ? spec->switches(m_family) : QStringList();
    for (auto it = m_switches.begin(); it != m_switches.end(); ++it)
        it.value()->setVisible(switches.contains(it.key()));
    // §2.11: V6 records the seed but does not reproduce a run from it; never promise it does.
    m_seedFixed->setToolTip(
        spec && !spec->seedReproduces
            ? tr("%1 records the seed but does not repeat a video from it: the same seed gives a "
                 "variation.")
                  .arg(spec->label)
            : tr("Unchecked: a new random seed each time. Checked: the same seed, for repeatable "
                 "results."));
    layoutChoices();
}

void GenerationSettingsPanel::layoutChoices() {
    // The mode first, on a row of its own (what the video is made from, its labels long in
    // Russian); then the visible choices two to a row, so that a hidden one leaves no hole.
    struct Field {
        QLabel* label;
        QWidget* field;
    };
    const QList<Field> fields{{m_mode.label, m_mode.combo},     {m_model.label, m_model.combo},
                              {m_durationLabel, m_duration},    {m_quality.label, m_quality.combo},
                              {m_aspect.label, m_aspect.combo}, {m_motion.label, m_motion.combo},
                              {m_style.label, m_style.combo},   {m_camera.label, m_camera.combo}};
    int slot = 0;
    QWidget* previous = nullptr;
    for (const Field& f : fields) {
        // The keyboard goes through the fields in the order they are shown.
        if (previous)
            setTabOrder(previous, f.field);
        previous = f.field;
        m_grid->removeWidget(f.label);
        m_grid->removeWidget(f.field);
        if (!f.field->isVisibleTo(this))
            continue;
        const bool wide = f.field == m_mode.combo;
        const int row = slot / 2;
        const int column = (slot % 2) * 2;
        m_grid->addWidget(f.label, row, column);
        m_grid->addWidget(f.field, row, column + 1, 1, wide ? 3 : 1);
        slot += wide ? 2 : 1;
    }
}

QString GenerationSettingsPanel::changeText(const SettingChange& change) const {
    // "12 s → 8 s: <why>": the catalog's reason names the setting, the values say what changed.
    if (const QCheckBox* box = m_switches.value(change.field))
        return tr("Turned off: %1. %2")
            .arg(QString(box->text()).remove(QLatin1Char('&')), change.reason);
    return tr("%1 → %2: %3")
        .arg(valueLabel(change.field, change.from), valueLabel(change.field, change.to),
             change.reason);
}

QString GenerationSettingsPanel::valueLabel(const QString& field, const QString& value) const {
    if (field == QLatin1String("mode")) {
        const std::optional<GenerationMode> mode = generationModeFromId(value);
        return mode ? generationModeLabel(*mode) : prettified(value);
    }
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
            {QStringLiteral("clay"), QT_TR_NOOP("Clay")},
            {QStringLiteral("cyberpunk"), QT_TR_NOOP("Cyberpunk")},
            {QStringLiteral("comic"), QT_TR_NOOP("Comic")},
            {QStringLiteral("realistic"), QT_TR_NOOP("Realistic")},
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
