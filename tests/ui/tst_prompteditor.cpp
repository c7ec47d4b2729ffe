#include "core/api/ApiClient.h"
#include "core/backend/PriceBook.h"
#include "core/backend/WebBackend.h"
#include "core/generation/ModelCatalog.h"
#include "tests/support/CatalogVariant.h"
#include "ui/DurationControl.h"
#include "ui/GenerationSettingsPanel.h"
#include "ui/ImageDropZone.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"
#include "ui/UiHelpers.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace pixverse;

namespace {

template <typename T> T* child(const QWidget* parent, const char* name) {
    auto* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

QStandardItem* item(QComboBox* combo, const QString& value) {
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    const int row = combo->findData(value);
    return model && row >= 0 ? model->item(row) : nullptr;
}

bool itemEnabled(QComboBox* combo, const QString& value) {
    QStandardItem* i = item(combo, value);
    return i && i->flags().testFlag(Qt::ItemIsEnabled);
}

QString itemTip(QComboBox* combo, const QString& value) {
    QStandardItem* i = item(combo, value);
    return i ? i->data(Qt::ToolTipRole).toString() : QStringLiteral("<no item %1>").arg(value);
}

QStringList values(QComboBox* combo) {
    QStringList out;
    for (int i = 0; i < combo->count(); ++i)
        out << combo->itemData(i).toString();
    return out;
}

QStringList strings(std::initializer_list<const char*> list) {
    QStringList out;
    for (const char* s : list)
        out << QLatin1String(s);
    return out;
}

const QString k1080Only5 = QStringLiteral("1080p videos can only be 5 seconds long on this model.");
const QString kFastOnly5 = QStringLiteral("Fast motion works only with 5-second videos.");
const QString kFastNot1080 = QStringLiteral("Fast motion is not available in 1080p.");

} // namespace

class TestPromptEditor : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString ini() const {
        return m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                              QStringLiteral(".ini"));
    }

    // One editor per test, on a settings file of its own.
    struct Fixture {
        explicit Fixture(const QString& ini)
            : editor(ini) {}
        PromptEditor editor;
        QPlainTextEdit* prompt = child<QPlainTextEdit>(&editor, "promptEdit");
        QLabel* promptCount = child<QLabel>(&editor, "promptCount");
        QPlainTextEdit* negative = child<QPlainTextEdit>(&editor, "negativePromptEdit");
        QLabel* negativeCount = child<QLabel>(&editor, "negativePromptCount");
        QComboBox* mode = child<QComboBox>(&editor, "modeCombo");
        QComboBox* model = child<QComboBox>(&editor, "modelCombo");
        DurationControl* durationControl = child<DurationControl>(&editor, "durationControl");
        QComboBox* duration = child<QComboBox>(&editor, "durationCombo");
        QSlider* slider = child<QSlider>(&editor, "durationSlider");
        QLabel* durationValue = child<QLabel>(&editor, "durationValueLabel");
        QComboBox* quality = child<QComboBox>(&editor, "qualityCombo");
        QComboBox* aspect = child<QComboBox>(&editor, "aspectRatioCombo");
        QComboBox* motion = child<QComboBox>(&editor, "motionModeCombo");
        QComboBox* style = child<QComboBox>(&editor, "styleCombo");
        QComboBox* camera = child<QComboBox>(&editor, "cameraMovementCombo");
        QCheckBox* seedFixed = child<QCheckBox>(&editor, "seedFixedCheck");
        QSpinBox* seed = child<QSpinBox>(&editor, "seedSpin");
        QToolButton* dice = child<QToolButton>(&editor, "seedDiceButton");
        QCheckBox* audio = child<QCheckBox>(&editor, "switch_audio");
        QCheckBox* multiClip = child<QCheckBox>(&editor, "switch_multiClip");
        QCheckBox* offPeak = child<QCheckBox>(&editor, "switch_offPeak");
        QLabel* hint = child<QLabel>(&editor, "settingsHintLabel");
        QLabel* cost = child<QLabel>(&editor, "costLabel");
        QLabel* balance = child<QLabel>(&editor, "balanceLabel");
        QLabel* blocked = child<QLabel>(&editor, "generateBlockedLabel");
        QPushButton* generate = child<QPushButton>(&editor, "generateButton");

        bool shown(const QWidget* w) const { return w->isVisibleTo(&editor); }
        void choose(QComboBox* combo, const QString& value) {
            const int index = combo->findData(value);
            if (index < 0)
                qFatal("%s has no %s", qPrintable(combo->objectName()), qPrintable(value));
            combo->setCurrentIndex(index);
        }
        //! As a creator would: the slider for a range model, the list for the others.
        void setDuration(int seconds) {
            if (shown(slider)) {
                if (seconds < slider->minimum() || seconds > slider->maximum())
                    qFatal("the slider has no %d s", seconds);
                slider->setValue(seconds);
            } else {
                choose(duration, QString::number(seconds));
            }
        }
        void set(const char* m, const char* q, int d, const char* motionMode = nullptr) {
            choose(model, QLatin1String(m));
            choose(quality, QLatin1String(q));
            setDuration(d);
            if (motionMode)
                choose(motion, QLatin1String(motionMode));
        }
    };

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void startsOnTheNewestModelWithAnEmptyPrompt() {
        Fixture f(ini());
        // Every model the OpenAPI takes today, newest first; the first run starts on V6.
        QCOMPARE(values(f.model), strings({"v6", "c1", "v5.6", "v5", "v4.5", "v4", "v3.5"}));
        QCOMPARE(f.model->currentText(), QStringLiteral("PixVerse V6"));
        // The composer's modes (issue 16): upscale, sound and lip sync are a finished take's.
        QCOMPARE(values(f.mode),
                 strings({"t2v", "i2v", "transition", "extend", "effect", "fusion"}));
        QCOMPARE(f.mode->currentText(), QStringLiteral("Text to video"));
        // A range model: a slider over 1–15 s with its value beside it, no list.
        QVERIFY(f.shown(f.slider));
        QVERIFY(!f.shown(f.duration));
        QCOMPARE(f.slider->minimum(), 1);
        QCOMPARE(f.slider->maximum(), 15);
        QCOMPARE(f.durationValue->text(), QStringLiteral("5 s"));
        QCOMPARE(f.quality->currentData().toString(), QStringLiteral("540p"));
        QCOMPARE(f.aspect->currentData().toString(), QStringLiteral("16:9"));
        QCOMPARE(f.promptCount->text(), QStringLiteral("0 / 5000"));
        QVERIFY(!f.shown(f.hint));
        // Nothing to send yet, and the editor says so.
        QVERIFY(!f.generate->isEnabled());
        QCOMPARE(f.blocked->text(), QStringLiteral("Write a prompt: it cannot be empty."));
        QCOMPARE(f.generate->toolTip(), f.blocked->text());
        QVERIFY(!f.editor.canGenerate());
        QCOMPARE(f.editor.request().model,
                 ModelCatalog::builtIn().defaultModel(ApiFamily::OpenApi));
    }

    void typingUpdatesTheCountInCharacters() {
        Fixture f(ini());
        QSignalSpy changed(&f.editor, &PromptEditor::requestChanged);
        QTest::keyClicks(f.prompt, QStringLiteral("A fox"));
        QCOMPARE(f.promptCount->text(), QStringLiteral("5 / 5000"));
        QCOMPARE(changed.count(), 5);
        // An emoji is two UTF-16 units but one character for the service.
        f.prompt->insertPlainText(QStringLiteral("😀"));
        QCOMPARE(f.prompt->toPlainText().size(), 7);
        QCOMPARE(f.promptCount->text(), QStringLiteral("6 / 5000"));
        QVERIFY(f.generate->isEnabled());
        QVERIFY(f.blocked->text().isEmpty());
        QCOMPARE(f.editor.request().prompt, QStringLiteral("A fox😀"));

        QTest::keyClicks(f.negative, QStringLiteral("blur"));
        QCOMPARE(f.negativeCount->text(), QStringLiteral("4 / 2048"));
        QCOMPARE(f.editor.request().negativePrompt, QStringLiteral("blur"));
        // Blank is empty.
        f.prompt->setPlainText(QStringLiteral("   \n "));
        QVERIFY(!f.generate->isEnabled());
    }

    void anOverLongPromptCannotBeSent() {
        Fixture f(ini());
        f.choose(f.model, QStringLiteral("v4.5"));
        f.prompt->setPlainText(QString(2047, QLatin1Char('a')));
        QTest::keyClicks(f.prompt, QStringLiteral("b"));
        QCOMPARE(f.promptCount->text(), QStringLiteral("2048 / 2048"));
        QVERIFY(!f.promptCount->property("overLimit").toBool());
        QVERIFY(f.generate->isEnabled());

        QTest::keyClicks(f.prompt, QStringLiteral("c"));
        QCOMPARE(f.promptCount->text(), QStringLiteral("2049 / 2048"));
        QVERIFY(f.promptCount->property("overLimit").toBool());
        QCOMPARE(f.promptCount->palette().color(QPalette::WindowText),
                 ui::errorColor(f.editor.palette()));
        QVERIFY(!f.generate->isEnabled());
        QCOMPARE(f.blocked->text(),
                 QStringLiteral("The prompt has 2049 characters; PixVerse accepts at most 2048."));
        QVERIFY(f.generate->toolTip().contains(f.blocked->text()));
        QCOMPARE(f.blocked->palette().color(QPalette::WindowText),
                 ui::errorColor(f.editor.palette()));

        QTest::keyClick(f.prompt, Qt::Key_Backspace);
        QVERIFY(f.generate->isEnabled());
        QVERIFY(!f.promptCount->property("overLimit").toBool());
        QVERIFY(f.promptCount->palette().color(QPalette::WindowText) !=
                ui::errorColor(f.editor.palette()));

        // 2048 emoji are 4096 UTF-16 units and still within the limit.
        QString emoji;
        for (int i = 0; i < 2048; ++i)
            emoji += QStringLiteral("🎬");
        f.prompt->setPlainText(emoji);
        QCOMPARE(f.promptCount->text(), QStringLiteral("2048 / 2048"));
        QVERIFY(f.generate->isEnabled());

        // The negative prompt has the same limit.
        f.negative->setPlainText(QString(2049, QLatin1Char('n')));
        QVERIFY(f.negativeCount->property("overLimit").toBool());
        QVERIFY(!f.generate->isEnabled());
        QCOMPARE(f.blocked->text(),
                 QStringLiteral(
                     "The negative prompt has 2049 characters; PixVerse accepts at most 2048."));
    }

    // Issue 15: V6 takes 5,000 characters, the other models 2,048 (§2.2); the negative prompt
    // stays at 2,048 everywhere.
    void theLimitFollowsTheModel() {
        Fixture f(ini());
        const QString prompt = QString(4500, QLatin1Char('p'));
        f.prompt->setPlainText(prompt);
        QCOMPARE(f.model->currentData().toString(), QStringLiteral("v6"));
        QCOMPARE(f.promptCount->text(), QStringLiteral("4500 / 5000"));
        QVERIFY(f.generate->isEnabled());
        QVERIFY(ModelCatalog::builtIn().validate(f.editor.request(), ApiFamily::OpenApi).isEmpty());
        QSignalSpy generated(&f.editor, &PromptEditor::generateRequested);
        f.editor.generate();
        QCOMPARE(generated.count(), 1);
        QCOMPARE(promptLength(generated.at(0).at(0).value<GenerationRequest>().prompt), 4500);

        // On a 2,048 model the same prompt is refused before anything is sent, and it says why.
        f.choose(f.model, QStringLiteral("v4.5"));
        QCOMPARE(f.promptCount->text(), QStringLiteral("4500 / 2048"));
        QVERIFY(f.promptCount->property("overLimit").toBool());
        QVERIFY(!f.generate->isEnabled());
        QCOMPARE(f.blocked->text(),
                 QStringLiteral("The prompt has 4500 characters; PixVerse accepts at most 2048."));
        f.editor.generate();
        QCOMPARE(generated.count(), 1);
        const QList<RuleViolation> refused =
            ModelCatalog::builtIn().validate(f.editor.request(), ApiFamily::OpenApi);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().kind, RuleViolation::Kind::TooLong);
        // The prompt was kept: back on V6 it can go.
        f.choose(f.model, QStringLiteral("v6"));
        QCOMPARE(f.prompt->toPlainText(), prompt);
        QVERIFY(f.generate->isEnabled());
        // C1 takes 2,048 too (§2.11).
        f.choose(f.model, QStringLiteral("c1"));
        QCOMPARE(f.promptCount->text(), QStringLiteral("4500 / 2048"));
        QVERIFY(!f.generate->isEnabled());
    }

    void theDurationControlFitsTheModel() {
        Fixture f(ini());
        f.prompt->setPlainText(QStringLiteral("A tide pool at noon"));
        // V6: a slider, any whole second from 1 to 15; the value follows it.
        f.editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.editor));
        f.slider->setFocus();
        QTest::keyClick(f.slider, Qt::Key_Right);
        QCOMPARE(f.editor.request().duration, 6);
        QCOMPARE(f.durationValue->text(), QStringLiteral("6 s"));
        QTest::keyClick(f.slider, Qt::Key_End);
        QCOMPARE(f.editor.request().duration, 15);
        QCOMPARE(f.durationValue->text(), QStringLiteral("15 s"));
        QTest::keyClick(f.slider, Qt::Key_Home);
        QCOMPARE(f.editor.request().duration, 1);
        QVERIFY(f.generate->isEnabled());
        QCOMPARE(f.slider->toolTip(), QStringLiteral("Any whole number of seconds from 1 to 15."));

        // v5.6: a slider from 1 to 10.
        f.choose(f.model, QStringLiteral("v5.6"));
        QVERIFY(f.shown(f.slider));
        QCOMPARE(f.slider->minimum(), 1);
        QCOMPARE(f.slider->maximum(), 10);
        QCOMPARE(f.editor.request().duration, 1); // still valid: kept

        // The older models: a list, 5 s or 8 s.
        f.choose(f.model, QStringLiteral("v4.5"));
        QVERIFY(!f.shown(f.slider));
        QVERIFY(!f.shown(f.durationValue));
        QVERIFY(f.shown(f.duration));
        QCOMPARE(values(f.duration), strings({"5", "8"}));
        QCOMPARE(f.duration->currentText(), QStringLiteral("5 s")); // 1 s: the nearest is 5
        GenerationRequest fitted = f.editor.request();
        fitted.duration = 1;
        const QList<SettingChange> changes =
            ModelCatalog::builtIn().fitToModel(fitted, ApiFamily::OpenApi);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().field, QStringLiteral("duration"));
        QCOMPARE(changes.first().to, QStringLiteral("5"));
        // Which setting, from what to what, and why.
        QCOMPARE(f.hint->text(), QStringLiteral("1 s → 5 s: ") + changes.first().reason);
        f.choose(f.duration, QStringLiteral("8"));
        QCOMPARE(f.editor.request().duration, 8);
        // The label takes the keyboard to whichever control is shown.
        QCOMPARE(child<QLabel>(&f.editor, "durationLabel")->buddy(), f.durationControl);
        QCOMPARE(f.durationControl->focusProxy(), static_cast<QWidget*>(f.duration));
        f.choose(f.model, QStringLiteral("c1"));
        QCOMPARE(f.durationControl->focusProxy(), static_cast<QWidget*>(f.slider));
        QCOMPARE(f.editor.request().duration, 8); // valid on C1: kept
    }

    void c1At1080pIsAtMostFiveSeconds() {
        Fixture f(ini());
        f.prompt->setPlainText(QStringLiteral("A lighthouse in a storm"));
        f.set("c1", "1080p", 5);
        QVERIFY(f.generate->isEnabled());
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 19 credits/s × 5 s = 95 credits"));
        QVERIFY(itemEnabled(f.quality, QStringLiteral("1080p")));

        // A slider cannot skip a value: past 5 s at 1080p it says why, and Generate waits.
        const QString reason =
            QStringLiteral("1080p videos can be at most 5 seconds long on this model.");
        f.setDuration(8);
        QVERIFY(!f.generate->isEnabled());
        QCOMPARE(f.blocked->text(), reason);
        QCOMPARE(f.slider->toolTip(), reason);
        QCOMPARE(f.durationValue->toolTip(), reason);
        QCOMPARE(f.durationValue->palette().color(QPalette::WindowText),
                 ui::errorColor(f.editor.palette()));
        QCOMPARE(f.durationControl->currentRefusal(), reason);
        // At 8 s the quality list greys out 1080p with the same reason.
        QVERIFY(!itemEnabled(f.quality, QStringLiteral("1080p")));
        QCOMPARE(itemTip(f.quality, QStringLiteral("1080p")), reason);
        QVERIFY(itemEnabled(f.quality, QStringLiteral("720p")));
        QVERIFY(
            !ModelCatalog::builtIn().validate(f.editor.request(), ApiFamily::OpenApi).isEmpty());

        // 720p at 8 s is fine; so is 1080p back at 5 s.
        f.choose(f.quality, QStringLiteral("720p"));
        QVERIFY(f.generate->isEnabled());
        QVERIFY(f.durationControl->currentRefusal().isEmpty());
        QCOMPARE(f.slider->toolTip(), QStringLiteral("Any whole number of seconds from 1 to 15."));
        f.choose(f.quality, QStringLiteral("1080p"));
        QVERIFY(!f.generate->isEnabled());
        f.setDuration(5);
        QVERIFY(f.generate->isEnabled());
    }

    void v45DisablesTheRefusedCombinationsAndSaysWhy() {
        Fixture f(ini());
        f.prompt->setPlainText(QStringLiteral("A lighthouse in a storm"));
        f.set("v4.5", "1080p", 5, "normal");
        // 1080p: no 8 s, no fast motion.
        QVERIFY(!itemEnabled(f.duration, QStringLiteral("8")));
        QCOMPARE(itemTip(f.duration, QStringLiteral("8")), k1080Only5);
        QVERIFY(itemEnabled(f.duration, QStringLiteral("5")));
        QVERIFY(itemTip(f.duration, QStringLiteral("5")).isEmpty());
        QVERIFY(!itemEnabled(f.motion, QStringLiteral("fast")));
        QCOMPARE(itemTip(f.motion, QStringLiteral("fast")), kFastNot1080);
        QVERIFY(f.generate->isEnabled());
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 120 credits"));

        // The keyboard skips a disabled choice.
        f.editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.editor));
        f.duration->setFocus();
        QTest::keyClick(f.duration, Qt::Key_Down);
        QCOMPARE(f.duration->currentData().toString(), QStringLiteral("5"));

        // 8 s: no 1080p, no fast motion.
        f.choose(f.quality, QStringLiteral("540p"));
        f.choose(f.duration, QStringLiteral("8"));
        QVERIFY(!itemEnabled(f.quality, QStringLiteral("1080p")));
        QCOMPARE(itemTip(f.quality, QStringLiteral("1080p")), k1080Only5);
        QVERIFY(itemEnabled(f.quality, QStringLiteral("720p")));
        QVERIFY(!itemEnabled(f.motion, QStringLiteral("fast")));
        QCOMPARE(itemTip(f.motion, QStringLiteral("fast")), kFastOnly5);
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 90 credits"));

        // Fast motion: no 8 s, no 1080p.
        f.choose(f.duration, QStringLiteral("5"));
        f.choose(f.motion, QStringLiteral("fast"));
        QVERIFY(!itemEnabled(f.duration, QStringLiteral("8")));
        QCOMPARE(itemTip(f.duration, QStringLiteral("8")), kFastOnly5);
        QVERIFY(!itemEnabled(f.quality, QStringLiteral("1080p")));
        QCOMPARE(itemTip(f.quality, QStringLiteral("1080p")), kFastNot1080);
        QVERIFY(itemEnabled(f.quality, QStringLiteral("720p")));
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 90 credits"));
        QVERIFY(f.generate->isEnabled());
        QCOMPARE(f.editor.request().motionMode, QStringLiteral("fast"));
    }

    void v5Allows1080pFor8Seconds() {
        Fixture f(ini());
        f.prompt->setPlainText(QStringLiteral("A lighthouse in a storm"));
        f.set("v5", "1080p", 8);
        QVERIFY(itemEnabled(f.duration, QStringLiteral("8")));
        QVERIFY(itemEnabled(f.quality, QStringLiteral("1080p")));
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 240 credits"));
        QVERIFY(f.generate->isEnabled());
        // V5 takes no motion mode (§2.2): nothing to choose, so nothing shown.
        QVERIFY(!f.shown(f.motion));
        QVERIFY(!f.shown(child<QLabel>(&f.editor, "motionModeLabel")));
        const GenerationRequest r = f.editor.request();
        QCOMPARE(r.model, QStringLiteral("v5"));
        QCOMPARE(r.quality, QStringLiteral("1080p"));
        QCOMPARE(r.duration, 8);
    }

    // Switching the model keeps what is still valid, changes the rest to the nearest valid value
    // and says which and why, under the settings (ModelCatalog::fitToModel).
    void switchingTheModelSaysWhatChangedAndWhy() {
        Fixture f(ini());
        f.prompt->setPlainText(QStringLiteral("A lighthouse in a storm"));
        f.set("v6", "720p", 12);
        f.choose(f.aspect, QStringLiteral("21:9"));
        f.choose(f.style, QStringLiteral("realistic"));
        f.audio->setChecked(true);
        f.seedFixed->setChecked(true);
        f.seed->setValue(4242);
        QVERIFY(!f.shown(f.hint));

        GenerationRequest expected = f.editor.request();
        expected.model = QStringLiteral("v4.5");
        const QList<SettingChange> changes =
            ModelCatalog::builtIn().fitToModel(expected, ApiFamily::OpenApi);
        QVERIFY(changes.size() >= 4); // duration, aspect ratio, style, sound

        f.choose(f.model, QStringLiteral("v4.5"));
        const GenerationRequest r = f.editor.request();
        QCOMPARE(r.duration, 8);                         // 12 s: the nearest of 5 and 8
        QCOMPARE(r.aspectRatio, QStringLiteral("16:9")); // no 21:9 on v4.5
        QCOMPARE(r.quality, QStringLiteral("720p"));     // still valid: kept
        QVERIFY(r.style.isEmpty());                      // v4.5 has no "realistic"
        QVERIFY(!r.audio);                               // v4.5 has no sound
        QCOMPARE(r.seed, std::optional<qint64>(4242));   // kept
        QCOMPARE(r.prompt, QStringLiteral("A lighthouse in a storm"));
        QCOMPARE(r, expected);
        QVERIFY(!f.shown(f.audio));
        // Each change in the hint line, in the catalog's words.
        QVERIFY(f.shown(f.hint));
        for (const SettingChange& change : changes)
            QVERIFY2(f.hint->text().contains(change.reason), qPrintable(change.reason));
        QCOMPARE(f.editor.settingsHint(), f.hint->text());
        QVERIFY(f.generate->isEnabled());
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 120 credits"));

        // A switch to a model that takes everything changes nothing and says nothing.
        f.choose(f.model, QStringLiteral("v6"));
        QVERIFY(!f.shown(f.hint));
        QCOMPARE(f.editor.request().duration, 8);
        QCOMPARE(f.editor.request().aspectRatio, QStringLiteral("16:9"));
    }

    void costFollowsThePricingTable_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("quality");
        QTest::addColumn<int>("duration");
        QTest::addColumn<QString>("motion");
        QTest::addColumn<bool>("audio");
        QTest::addColumn<QString>("text");
        // ../shared/pixverse-api.md §2.9
        auto row = [](const char* m, const char* q, int d, const char* motion, bool audio,
                      const char* text) {
            QTest::addRow("%s %s %ds %s%s", m, q, d, motion, audio ? " sound" : "")
                << QString::fromLatin1(m) << QString::fromLatin1(q) << d
                << QString::fromLatin1(motion) << audio << QString::fromUtf8(text);
        };
        row("v6", "720p", 12, "", true, "Cost: 12 credits/s with sound × 12 s = 144 credits");
        row("v6", "720p", 12, "", false, "Cost: 9 credits/s × 12 s = 108 credits");
        row("v6", "360p", 1, "", false, "Cost: 5 credits/s × 1 s = 5 credits");
        row("v6", "1080p", 15, "", true, "Cost: 23 credits/s with sound × 15 s = 345 credits");
        row("c1", "540p", 10, "", true, "Cost: 10 credits/s with sound × 10 s = 100 credits");
        row("c1", "1080p", 5, "", false, "Cost: 19 credits/s × 5 s = 95 credits");
        row("v5.6", "720p", 5, "", false, "Cost: 45 credits");
        row("v5.6", "1080p", 5, "", true, "Cost: 150 credits");
        row("v5.6", "540p", 7, "", false, "Cost: no price for these settings");
        row("v4.5", "540p", 5, "normal", false, "Cost: 45 credits");
        row("v4.5", "540p", 8, "normal", false, "Cost: 90 credits");
        row("v4.5", "360p", 5, "fast", false, "Cost: 90 credits");
        row("v4", "720p", 5, "fast", false, "Cost: 120 credits");
        row("v4", "720p", 8, "normal", false, "Cost: 120 credits");
        row("v3.5", "1080p", 5, "normal", false, "Cost: 120 credits");
        row("v5", "360p", 8, "", false, "Cost: 90 credits");
        row("v5", "720p", 5, "", false, "Cost: 60 credits");
        row("v5", "1080p", 5, "", false, "Cost: 120 credits");
    }
    void costFollowsThePricingTable() {
        QFETCH(QString, model);
        QFETCH(QString, quality);
        QFETCH(int, duration);
        QFETCH(QString, motion);
        QFETCH(bool, audio);
        QFETCH(QString, text);
        Fixture f(ini());
        f.set(model.toLatin1().constData(), quality.toLatin1().constData(), duration,
              motion.isEmpty() ? nullptr : motion.toLatin1().constData());
        f.audio->setChecked(audio);
        QCOMPARE(f.editor.request().audio, audio);
        QCOMPARE(f.cost->text(), text);
        QCOMPARE(f.editor.cost(), ModelCatalog::builtIn().creditCost(f.editor.request()));
        // The cost is shown before Generate, whatever the prompt.
        QVERIFY(!f.generate->isEnabled());
        QVERIFY(f.cost->toolTip().isEmpty());
    }

    void theSeedSaysWhatItCanPromise() {
        Fixture f(ini());
        auto* fixed = child<QCheckBox>(&f.editor, "seedFixedCheck");
        f.set("v6", "540p", 5);
        QVERIFY2(fixed->toolTip().contains(u"variation"), qPrintable(fixed->toolTip()));
        QVERIFY(!fixed->toolTip().contains(u"repeatable"));
        f.set("v4.5", "540p", 5, "normal");
        QVERIFY2(fixed->toolTip().contains(u"repeatable"), qPrintable(fixed->toolTip()));
    }

    void aWebsiteAccountSeesAnEstimate() {
        // The website prices by its own formulas (§3.12), not by the platform's table (§2.9):
        // without them, the table's figure is "about".
        Fixture f(ini());
        f.editor.setFamily(ApiFamily::Web);
        f.set("v6", "540p", 5);
        f.audio->setChecked(true);
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: about 45 credits"));
        QVERIFY(f.cost->toolTip().contains(u"estimate"));
        f.editor.setFamily(ApiFamily::OpenApi);
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 9 credits/s with sound × 5 s = 45 credits"));
        QVERIFY(f.cost->toolTip().isEmpty());
    }

    void aWebsiteAccountSeesTheSitesPrice() {
        // Issue 19: the cost line asks the account's PriceBook: "about" until the formulas
        // came, then exact, and "≤" while the website says a promotion runs.
        Fixture f(ini());
        QNetworkAccessManager network; // nothing is sent: the formulas are set here
        auto* client = new ApiClient(&network);
        WebBackend backend(client, QStringLiteral("token"), QStringLiteral("creator@example.com"));
        client->setParent(&backend);
        PriceBook book(&backend, &ModelCatalog::builtIn());
        f.editor.setFamily(ApiFamily::Web);
        f.editor.setPriceBook(&book);
        f.set("v6", "540p", 5);
        f.audio->setChecked(true);
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: about 45 credits"));

        // 7.6 credits a second with sound, 7 without (the site charged 38 for these settings).
        const QJsonObject rate{
            {QStringLiteral("switchOn"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("variable")},
                         {QStringLiteral("name"), QStringLiteral("audio")}}},
            {QStringLiteral("cases"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("=")},
                             {QStringLiteral("compareValue"), true},
                             {QStringLiteral("value"),
                              QJsonObject{{QStringLiteral("type"), QStringLiteral("literal")},
                                          {QStringLiteral("value"), 7.6}}}}}},
            {QStringLiteral("default"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("literal")},
                         {QStringLiteral("value"), 7}}}};
        const QJsonObject t2v{
            {QStringLiteral("operator"), QStringLiteral("*")},
            {QStringLiteral("params"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("variable")},
                                    {QStringLiteral("name"), QStringLiteral("duration")}},
                        rate}}};
        book.setFormulas(*PriceFormulas::fromResp(QJsonObject{{QStringLiteral("t2v"), t2v}}).value,
                         QDateTime::currentDateTimeUtc());
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 38 credits"));
        QVERIFY2(f.cost->toolTip().contains(u"own price"), qPrintable(f.cost->toolTip()));
        f.audio->setChecked(false);
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 35 credits"));
        f.audio->setChecked(true);

        book.setPromotion(true);
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: ≤ 38 credits"));
        QVERIFY2(f.cost->toolTip().contains(u"promotion"), qPrintable(f.cost->toolTip()));
        f.editor.setTakeCount(2);
        QCOMPARE(f.cost->text(),
                 QStringLiteral("Cost: 2 takes · ≤ 76 credits (≤ 38 credits each)"));
        QCOMPARE(f.editor.totalCost(), 76);
        f.editor.setTakeCount(1);

        // Formulas without this mode's key: the table again, "about" (never a guess).
        book.setFormulas(*PriceFormulas::fromResp(QJsonObject{{QStringLiteral("i2v"), t2v}}).value,
                         QDateTime::currentDateTimeUtc());
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: about 45 credits"));
        f.editor.setPriceBook(nullptr);
    }

    void theBalanceAfterTheVideoIsShown() {
        Fixture f(ini());
        f.prompt->setPlainText(QStringLiteral("A lighthouse in a storm"));
        f.set("v6", "720p", 12);
        f.audio->setChecked(true);
        QCOMPARE(f.balance->text(), QStringLiteral("Balance: unknown"));
        QVERIFY(f.generate->isEnabled()); // unknown balance: allowed

        const QLocale locale;
        f.editor.setBalance(2000);
        QCOMPARE(f.balance->text(), QStringLiteral("Balance after: %1 credits (of %2)")
                                        .arg(locale.toString(1856), locale.toString(2000)));
        // The balance after follows the settings.
        f.audio->setChecked(false);
        QCOMPARE(f.balance->text(), QStringLiteral("Balance after: %1 credits (of %2)")
                                        .arg(locale.toString(1892), locale.toString(2000)));
        f.setDuration(1);
        QCOMPARE(f.balance->text(), QStringLiteral("Balance after: %1 credits (of %2)")
                                        .arg(locale.toString(1991), locale.toString(2000)));
    }

    void aShortBalanceDisablesGenerate() {
        Fixture f(ini());
        f.prompt->setPlainText(QStringLiteral("A lighthouse in a storm"));
        f.set("v4.5", "1080p", 5);
        QCOMPARE(f.balance->text(), QStringLiteral("Balance: unknown"));
        QVERIFY(f.generate->isEnabled()); // unknown balance: allowed

        QSignalSpy can(&f.editor, &PromptEditor::canGenerateChanged);
        f.editor.setBalance(100);
        QCOMPARE(f.balance->text(), QStringLiteral("Balance: 100 credits"));
        QVERIFY(!f.generate->isEnabled());
        QCOMPARE(
            f.blocked->text(),
            QStringLiteral("Not enough credits: this video costs 120 and the balance is 100."));
        QVERIFY(f.generate->toolTip().contains(f.blocked->text()));
        QCOMPARE(can.count(), 1);
        QCOMPARE(can.at(0).at(0).toBool(), false);

        // A cheaper setting fits.
        f.choose(f.quality, QStringLiteral("540p"));
        QVERIFY(f.generate->isEnabled());
        QCOMPARE(f.balance->text(), QStringLiteral("Balance after: 55 credits (of 100)"));
        f.choose(f.quality, QStringLiteral("1080p"));
        QVERIFY(!f.generate->isEnabled());
        f.editor.setBalance(120);
        QVERIFY(f.generate->isEnabled());
        QCOMPARE(f.balance->text(), QStringLiteral("Balance after: 0 credits (of 120)"));
        f.editor.setBalance(std::nullopt);
        QCOMPARE(f.balance->text(), QStringLiteral("Balance: unknown"));
        QVERIFY(f.generate->isEnabled());
    }

    void ctrlEnterGenerates() {
        Fixture f(ini());
        f.editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&f.editor));
        f.set("v5", "720p", 8);
        f.choose(f.aspect, QStringLiteral("9:16"));
        f.seedFixed->setChecked(true);
        f.seed->setValue(424242);
        QSignalSpy generated(&f.editor, &PromptEditor::generateRequested);

        // Nothing is sent without a prompt.
        f.prompt->setFocus();
        QTest::keyClick(f.prompt, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(generated.count(), 0);

        QTest::keyClicks(f.prompt, QStringLiteral("A paper boat on a river"));
        QTest::keyClicks(f.negative, QStringLiteral("text"));
        f.prompt->setFocus();
        QTest::keyClick(f.prompt, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(generated.count(), 1);
        QCOMPARE(f.prompt->toPlainText(),
                 QStringLiteral("A paper boat on a river")); // no new line typed
        const auto r = generated.at(0).at(0).value<GenerationRequest>();
        QCOMPARE(r.prompt, QStringLiteral("A paper boat on a river"));
        QCOMPARE(r.negativePrompt, QStringLiteral("text"));
        QCOMPARE(r.mode, GenerationMode::TextToVideo);
        QCOMPARE(r.model, QStringLiteral("v5"));
        QCOMPARE(r.quality, QStringLiteral("720p"));
        QCOMPARE(r.duration, 8);
        QCOMPARE(r.aspectRatio, QStringLiteral("9:16"));
        QCOMPARE(r.seed, std::optional<qint64>(424242));
        QVERIFY(r.style.isEmpty());
        QVERIFY(r.cameraMovement.isEmpty());
        QVERIFY(!r.isImageToVideo());
        QVERIFY(ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi).isEmpty());

        // The keypad's Enter too, from another field; and the button.
        f.negative->setFocus();
        QTest::keyClick(f.negative, Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
        QCOMPARE(generated.count(), 2);
        QTest::mouseClick(f.generate, Qt::LeftButton);
        QCOMPARE(generated.count(), 3);
    }

    void seedIsRandomOrFixed() {
        Fixture f(ini());
        QVERIFY(!f.seedFixed->isChecked());
        QVERIFY(!f.seed->isEnabled());
        QCOMPARE(f.editor.request().seed, std::nullopt);
        QCOMPARE(f.seed->maximum(), 2147483647);

        QTest::mouseClick(f.dice, Qt::LeftButton);
        QVERIFY(f.seedFixed->isChecked());
        QVERIFY(f.seed->isEnabled());
        const std::optional<qint64> rolled = f.editor.request().seed;
        QVERIFY(rolled.has_value());
        QCOMPARE(*rolled, qint64(f.seed->value()));
        QVERIFY(*rolled >= 0 && *rolled <= 2147483647);
        // Rolling again gives another seed (1 in 2^31 to repeat).
        QTest::mouseClick(f.dice, Qt::LeftButton);
        QVERIFY(f.editor.request().seed != rolled);

        f.seed->setValue(1234);
        QCOMPARE(f.editor.request().seed, std::optional<qint64>(1234));
        f.seedFixed->setChecked(false);
        QCOMPARE(f.editor.request().seed, std::nullopt);
        QVERIFY(!f.seed->isEnabled());
    }

    void styleAndCameraOnlyWhereTheModelHasThem() {
        Fixture f(ini());
        // V6: the styles with "realistic" (§2.2), no camera movements.
        QVERIFY(f.shown(f.style));
        QVERIFY(!f.shown(f.camera));
        QVERIFY(values(f.style).contains(QStringLiteral("realistic")));
        QCOMPARE(values(f.style).constFirst(), QString()); // "None" first
        f.choose(f.style, QStringLiteral("realistic"));
        QCOMPARE(f.editor.request().style, QStringLiteral("realistic"));
        QCOMPARE(f.style->currentText(), QStringLiteral("Realistic"));

        // C1: neither (§2.11).
        f.choose(f.model, QStringLiteral("c1"));
        QVERIFY(!f.shown(f.style));
        QVERIFY(!f.shown(f.camera));
        QVERIFY(f.editor.request().style.isEmpty());

        // v4.5: the older styles and the camera movements.
        f.choose(f.model, QStringLiteral("v4.5"));
        QVERIFY(f.shown(f.style));
        QVERIFY(f.shown(f.camera));
        QVERIFY(!values(f.style).contains(QStringLiteral("realistic")));
        f.choose(f.style, QStringLiteral("anime"));
        f.choose(f.camera, QStringLiteral("zoom_in"));
        QCOMPARE(f.editor.request().cameraMovement, QStringLiteral("zoom_in"));
        QCOMPARE(f.camera->currentText(), QStringLiteral("Zoom in"));

        // V5 takes the style, not the camera: the camera is cleared, and the hint says so.
        f.choose(f.model, QStringLiteral("v5"));
        QVERIFY(!f.shown(f.camera));
        QVERIFY(f.editor.request().cameraMovement.isEmpty());
        QCOMPARE(f.editor.request().style, QStringLiteral("anime"));
        QVERIFY(f.shown(f.hint));
        QVERIFY(!f.hint->text().isEmpty());
    }

    // The mode selector lists the composer's modes some model of the catalog makes (the
    // catalog's, not a fixed list); an image dropped chooses image to video, removing it goes
    // back.
    void theModeSelectorFollowsTheCatalogAndTheImage() {
        Fixture f(ini());
        f.prompt->setPlainText(QStringLiteral("The cat blinks"));
        const ModelSpec* v6 = ModelCatalog::builtIn().model(QStringLiteral("v6"));
        QVERIFY(v6);
        QStringList listed;
        for (const GenerationMode m : GenerationSettingsPanel::composerModes()) {
            if (v6->takesMode(m, ApiFamily::OpenApi))
                listed << generationModeId(m);
        }
        QCOMPARE(values(f.mode), listed);
        QCOMPARE(f.mode->itemText(1), generationModeLabel(GenerationMode::ImageToVideo));
        QVERIFY(f.shown(f.aspect));

        // Image to video chosen before there is an image: Generate waits for one.
        f.choose(f.mode, QStringLiteral("i2v"));
        QVERIFY(f.editor.isImageMode());
        QVERIFY(!f.shown(f.aspect));
        QVERIFY(!f.generate->isEnabled());
        QCOMPARE(f.blocked->text(), QStringLiteral("Add an image to animate, or choose text to "
                                                   "video to generate from the prompt alone."));
        const QString image = m_dir.filePath(QStringLiteral("cat.png"));
        f.editor.setImagePath(image);
        QVERIFY(f.generate->isEnabled());
        QCOMPARE(f.editor.request().mode, GenerationMode::ImageToVideo);
        QCOMPARE(f.editor.request().startImagePath(), image);

        // Text to video chosen with an image there: the image is left out of the request.
        f.choose(f.mode, QStringLiteral("t2v"));
        QVERIFY(!f.editor.isImageMode());
        QCOMPARE(f.editor.request().mode, GenerationMode::TextToVideo);
        QVERIFY(f.editor.request().startImagePath().isEmpty());
        QVERIFY(f.editor.request().images.isEmpty());
        QVERIFY(f.shown(f.aspect));
        // … and back in when image to video is chosen again.
        f.choose(f.mode, QStringLiteral("i2v"));
        QCOMPARE(f.editor.request().startImagePath(), image);

        // A table where V6 makes text to video only: image to video is still offered (the
        // other models make it), and choosing it moves to the newest model that does.
        QString error;
        const std::optional<ModelCatalog> textOnly = test::builtInCatalogWith(
            QStringLiteral("v6"),
            [](QJsonObject& model) {
                // The modes are the families' own.
                QJsonObject families = model.value(u"families").toObject();
                for (const char* family : {"openapi", "web"}) {
                    QJsonObject entry = families.value(QLatin1String(family)).toObject();
                    entry.insert(QStringLiteral("modes"), QJsonArray{QStringLiteral("t2v")});
                    families.insert(QLatin1String(family), entry);
                }
                model.insert(QStringLiteral("families"), families);
            },
            &error);
        QVERIFY2(textOnly, qPrintable(error));
        f.editor.setImagePath(QString());
        f.editor.setCatalog(&*textOnly);
        QCOMPARE(f.editor.request().model, QStringLiteral("v6"));
        QVERIFY(values(f.mode).contains(QStringLiteral("i2v")));
        QVERIFY(itemEnabled(f.mode, QStringLiteral("i2v")));
        f.choose(f.mode, QStringLiteral("i2v"));
        QCOMPARE(f.editor.mode(), GenerationMode::ImageToVideo);
        const QString moved = f.editor.request().model;
        QVERIFY(moved != QStringLiteral("v6"));
        QVERIFY(
            textOnly->model(moved)->takesMode(GenerationMode::ImageToVideo, ApiFamily::OpenApi));
        QVERIFY2(f.hint->text().startsWith(QStringLiteral("PixVerse V6 cannot make \"Image to "
                                                          "video\" videos: ")),
                 qPrintable(f.hint->text()));

        f.editor.setCatalog(&ModelCatalog::builtIn());
    }

    // Issue 16: extend needs its source, is priced by the catalog for the extend, and a model
    // that cannot extend (C1) is left for the family's model that can, the hint saying why.
    void extendNeedsASourceAndShowsItsPrice() {
        Fixture f(ini());
        f.prompt->setPlainText(QStringLiteral("The camera keeps rising"));
        f.choose(f.model, QStringLiteral("c1"));
        QVERIFY(itemEnabled(f.mode, QStringLiteral("extend"))); // another model extends
        f.choose(f.mode, QStringLiteral("extend"));
        QCOMPARE(f.editor.mode(), GenerationMode::Extend);
        QCOMPARE(f.editor.request().model,
                 ModelCatalog::builtIn().defaultModel(ApiFamily::OpenApi, GenerationMode::Extend));
        QVERIFY2(f.hint->text().startsWith(QStringLiteral("PixVerse C1 cannot make \"Extend\"")),
                 qPrintable(f.hint->text()));
        QVERIFY(!f.shown(f.aspect)); // the source decides the frame
        QVERIFY(!f.generate->isEnabled());
        GenerationRequest missing = f.editor.request();
        const QList<RuleViolation> why =
            ModelCatalog::builtIn().validate(missing, ApiFamily::OpenApi);
        QVERIFY(!why.isEmpty());
        QCOMPARE(f.blocked->text(), why.constFirst().reason);

        VideoSource source;
        source.videoId = 380001;
        source.seconds = 5;
        source.width = 1280;
        source.height = 720;
        source.parentJobId = 3;
        f.editor.setVideoSource(source);
        QVERIFY2(f.generate->isEnabled(), qPrintable(f.blocked->text()));
        const GenerationRequest r = f.editor.request();
        QCOMPARE(r.sourceVideoId, 380001);
        QCOMPARE(r.parentJobId, 3);
        QCOMPARE(r.sourceSeconds, 5.0);
        const std::optional<int> price = ModelCatalog::builtIn().creditCost(r);
        QVERIFY(price);
        QVERIFY2(f.cost->text().endsWith(QStringLiteral("= %1 credits").arg(*price)),
                 qPrintable(f.cost->text()));

        // A source the documented limits refuse (40 s or more): the catalog's sentence.
        source.seconds = 45;
        f.editor.setVideoSource(source);
        QVERIFY(!f.generate->isEnabled());
        QVERIFY2(f.blocked->text().contains(QStringLiteral("40")), qPrintable(f.blocked->text()));

        // The inputs are not remembered for the next run: it starts from text to video.
        Fixture next(ini());
        QCOMPARE(next.editor.mode(), GenerationMode::TextToVideo);
        QCOMPARE(next.editor.request().sourceVideoId, 0);
    }

    // A website account: extend is shown, disabled, with the catalog's sentence in its tooltip
    // and in the line under the settings.
    void aWebsiteAccountSeesWhyItCannotExtend() {
        Fixture f(ini());
        f.editor.setFamily(ApiFamily::Web);
        QVERIFY(values(f.mode).contains(QStringLiteral("extend")));
        QVERIFY(!itemEnabled(f.mode, QStringLiteral("extend")));
        QVERIFY(itemEnabled(f.mode, QStringLiteral("transition")));
        const QString sentence = QStringLiteral(
            "\"Extend\" is available only with a platform API key sign-in (PixVerse documents no "
            "website request for it).");
        QCOMPARE(itemTip(f.mode, QStringLiteral("extend")), sentence);
        QLabel* modeHint = child<QLabel>(&f.editor, "modeHintLabel");
        QVERIFY(f.shown(modeHint));
        // Effect and reference to video are refused on the website too (issue 17), each a line.
        QVERIFY(modeHint->text().split(QLatin1Char('\n')).contains(sentence));
        QCOMPARE(f.editor.modeRefusal(GenerationMode::Extend), std::optional<QString>(sentence));
        QVERIFY(!f.editor.setMode(GenerationMode::Extend));
        f.editor.setFamily(ApiFamily::OpenApi);
        QVERIFY(!f.shown(modeHint));
    }

    void imageModeHidesTheAspectRatio() {
        Fixture f(ini());
        f.prompt->setPlainText(QStringLiteral("The cat blinks"));
        f.choose(f.model, QStringLiteral("v4.5"));
        QVERIFY(f.aspect->isVisibleTo(&f.editor));
        QVERIFY(itemEnabled(f.camera, QStringLiteral("auto_camera")));

        const QString image = m_dir.filePath(QStringLiteral("cat.png"));
        f.editor.setImagePath(image);
        QVERIFY(f.editor.isImageMode());
        QCOMPARE(f.mode->currentData().toString(), QStringLiteral("i2v"));
        QVERIFY(!f.aspect->isVisibleTo(&f.editor));
        QVERIFY(!child<QLabel>(&f.editor, "aspectRatioLabel")->isVisibleTo(&f.editor));
        QCOMPARE(f.editor.request().startImagePath(), image);
        QVERIFY(f.editor.request().isImageToVideo());
        // Some camera movements are for text-to-video only.
        QVERIFY(!itemEnabled(f.camera, QStringLiteral("auto_camera")));
        QCOMPARE(
            itemTip(f.camera, QStringLiteral("auto_camera")),
            QStringLiteral("The camera movement \"auto_camera\" works only for text-to-video."));
        QVERIFY(f.generate->isEnabled());

        // While a new image is checked, Generate waits.
        f.editor.setImagePending(true);
        QVERIFY(!f.generate->isEnabled());
        QCOMPARE(f.blocked->text(), QStringLiteral("Wait: the image is still being checked."));
        f.editor.setImagePending(false);
        QVERIFY(f.generate->isEnabled());

        f.editor.setImagePath(QString());
        QVERIFY(!f.editor.isImageMode());
        QCOMPARE(f.mode->currentData().toString(), QStringLiteral("t2v"));
        QVERIFY(f.aspect->isVisibleTo(&f.editor));
        QVERIFY(!f.editor.request().isImageToVideo());

        // Image mode without an image yet cannot generate.
        f.editor.setImageMode(true);
        QVERIFY(!f.aspect->isVisibleTo(&f.editor));
        QVERIFY(!f.generate->isEnabled());
    }

    void theSwitchesAreTheModelsAndTheFamilys() {
        Fixture f(ini());
        f.prompt->setPlainText(QStringLiteral("Rain on a tin roof"));
        // V6 on the OpenAPI: sound and multi-shot; off-peak is the website's.
        QVERIFY(f.shown(f.audio));
        QVERIFY(f.shown(f.multiClip));
        QVERIFY(!f.shown(f.offPeak));
        QCOMPARE(f.audio->text(), QStringLiteral("Sound"));
        QCOMPARE(f.multiClip->text(), QStringLiteral("Multi-shot"));
        f.audio->setChecked(true);
        f.multiClip->setChecked(true);
        GenerationRequest r = f.editor.request();
        QVERIFY(r.audio);
        QVERIFY(r.multiClip);
        QVERIFY(!r.offPeak);

        // C1: sound, no multi-shot (§2.11); the switch it lacks is turned off and hidden.
        f.choose(f.model, QStringLiteral("c1"));
        QVERIFY(f.shown(f.audio));
        QVERIFY(!f.shown(f.multiClip));
        r = f.editor.request();
        QVERIFY(r.audio);
        QVERIFY(!r.multiClip);
        // v4.5: none of them on the OpenAPI.
        f.choose(f.model, QStringLiteral("v4.5"));
        QVERIFY(!f.shown(f.audio));
        QVERIFY(!f.shown(f.multiClip));
        QVERIFY(!f.shown(f.offPeak));
        QVERIFY(!f.editor.request().audio);

        // The website: V6, v5.6 and C1 only (§3.10), off-peak there, 5,000-character prompts.
        f.editor.setFamily(ApiFamily::Web);
        QCOMPARE(values(f.model), strings({"v6", "c1", "v5.6"}));
        QCOMPARE(f.model->currentData().toString(), QStringLiteral("v6"));
        QVERIFY(f.hint->text().contains(QStringLiteral("PixVerse V4.5")));
        QVERIFY(f.shown(f.offPeak));
        QCOMPARE(f.offPeak->text(), QStringLiteral("Off-peak (cheaper, slower)"));
        QCOMPARE(f.promptCount->text(), QStringLiteral("18 / 5000"));
        QCOMPARE(f.negativeCount->text(), QStringLiteral("0 / 2048"));
        f.offPeak->setChecked(true);
        QVERIFY(f.editor.request().offPeak);
        f.editor.setFamily(ApiFamily::OpenApi);
        QVERIFY(!f.shown(f.offPeak));
        QVERIFY(!f.editor.request().offPeak);
    }

    // A switch a rule forbids is greyed out with the reason as its tooltip.
    void aForbiddenSwitchSaysWhy() {
        QString error;
        const std::optional<ModelCatalog> ruled = test::builtInCatalogWith(
            QStringLiteral("v6"),
            [](QJsonObject& model) {
                QJsonArray rules = model.value(u"rules").toArray();
                rules.append(QJsonObject{
                    {QStringLiteral("when"),
                     QJsonObject{{QStringLiteral("quality"), QStringLiteral("1080p")},
                                 {QStringLiteral("multiClip"), QStringLiteral("true")}}},
                    {QStringLiteral("reason"), QStringLiteral("No multi-shot in 1080p.")}});
                model.insert(QStringLiteral("rules"), rules);
            },
            &error);
        QVERIFY2(ruled, qPrintable(error));
        Fixture f(ini());
        f.editor.setCatalog(&*ruled);
        f.prompt->setPlainText(QStringLiteral("Rain on a tin roof"));
        f.set("v6", "1080p", 4);
        QVERIFY(f.shown(f.multiClip));
        QVERIFY(!f.multiClip->isEnabled());
        QCOMPARE(f.multiClip->toolTip(), QStringLiteral("No multi-shot in 1080p."));
        QVERIFY(f.audio->isEnabled());
        QVERIFY(f.audio->toolTip().isEmpty());
        f.choose(f.quality, QStringLiteral("720p"));
        QVERIFY(f.multiClip->isEnabled());
        QVERIFY(f.multiClip->toolTip().isEmpty());
        f.editor.setCatalog(&ModelCatalog::builtIn());
    }

    void pricesWithTheCatalogItIsGiven() {
        // The app's one table (StudioApp injects it): a price changed there is the editor's price.
        QString error;
        const std::optional<ModelCatalog> shared = test::builtInCatalogWith(
            QStringLiteral("v4.5"),
            [](QJsonObject& model) {
                QJsonObject credits = model.value(u"credits").toObject();
                QJsonObject normal = credits.value(u"normal").toObject();
                QJsonObject p540 = normal.value(u"540p").toObject();
                p540.insert(QStringLiteral("5"), 50);
                normal.insert(QStringLiteral("540p"), p540);
                credits.insert(QStringLiteral("normal"), normal);
                model.insert(QStringLiteral("credits"), credits);
            },
            &error);
        QVERIFY2(shared, qPrintable(error));

        Fixture f(ini());
        f.set("v4.5", "540p", 5, "normal");
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 45 credits")); // the built-in table
        f.editor.setCatalog(&*shared);
        QCOMPARE(&f.editor.catalog(), &*shared); // the instance itself, not a copy
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 50 credits"));
        QCOMPARE(f.editor.cost(), std::optional<int>(50));
        f.set("v4.5", "720p", 5);
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 60 credits"));
        f.editor.setCatalog(&ModelCatalog::builtIn());
    }

    void settingsAreRememberedAcrossEditors() {
        {
            Fixture f(ini());
            f.set("v5", "720p", 8);
            f.choose(f.aspect, QStringLiteral("9:16"));
            f.seedFixed->setChecked(true);
            f.seed->setValue(77);
            f.prompt->setPlainText(QStringLiteral("not a setting"));
        }
        {
            Fixture g(ini());
            QCOMPARE(g.model->currentData().toString(), QStringLiteral("v5"));
            QCOMPARE(g.quality->currentData().toString(), QStringLiteral("720p"));
            QCOMPARE(g.duration->currentData().toString(), QStringLiteral("8"));
            QCOMPARE(g.aspect->currentData().toString(), QStringLiteral("9:16"));
            QVERIFY(g.seedFixed->isChecked());
            QCOMPARE(g.seed->value(), 77);
            QVERIFY(g.prompt->toPlainText().isEmpty());
            QCOMPARE(g.cost->text(), QStringLiteral("Cost: 120 credits"));
            QVERIFY(!g.shown(g.hint));
            // The last model used is remembered, V6 with its length and sound too.
            g.set("v6", "720p", 12);
            g.audio->setChecked(true);
        }
        Fixture h(ini());
        QCOMPARE(h.model->currentData().toString(), QStringLiteral("v6"));
        QCOMPARE(h.slider->value(), 12);
        QVERIFY(h.audio->isChecked());
    }

    void recentPromptsAreOneClickAway() {
        {
            Fixture f(ini());
            for (const char* p : {"First prompt", "Second prompt", "First prompt"}) {
                f.prompt->setPlainText(QLatin1String(p));
                f.editor.generate();
            }
            QCOMPARE(f.editor.recentPrompts(), (QStringList{QStringLiteral("First prompt"),
                                                            QStringLiteral("Second prompt")}));
        }
        Fixture f(ini());
        QCOMPARE(f.editor.recentPrompts(),
                 (QStringList{QStringLiteral("First prompt"), QStringLiteral("Second prompt")}));
        auto* button = child<QPushButton>(&f.editor, "recentPromptsButton");
        QMenu* menu = button->menu();
        QVERIFY(menu);
        QAction* second = menu->findChild<QAction*>(QStringLiteral("recentPrompt_1"));
        QVERIFY(second);
        QCOMPARE(second->text(), QStringLiteral("Second prompt"));
        second->trigger();
        QCOMPARE(f.prompt->toPlainText(), QStringLiteral("Second prompt"));
        QCOMPARE(f.promptCount->text(), QStringLiteral("13 / 5000"));

        // Ten at most, newest first.
        for (int i = 0; i < 12; ++i) {
            f.prompt->setPlainText(QStringLiteral("Prompt %1").arg(i));
            f.editor.generate();
        }
        QCOMPARE(f.editor.recentPrompts().size(), 10);
        QCOMPARE(f.editor.recentPrompts().first(), QStringLiteral("Prompt 11"));
        QCOMPARE(f.editor.recentPrompts().last(), QStringLiteral("Prompt 2"));
        menu->findChild<QAction*>(QStringLiteral("clearRecentPrompts"))->trigger();
        QVERIFY(f.editor.recentPrompts().isEmpty());
    }

    void setRequestFillsEveryField() {
        Fixture f(ini());
        GenerationRequest r;
        r.prompt = QStringLiteral("Reuse me");
        r.negativePrompt = QStringLiteral("rain");
        r.model = QStringLiteral("v4");
        r.duration = 8;
        r.quality = QStringLiteral("720p");
        r.aspectRatio = QStringLiteral("1:1");
        r.motionMode = QStringLiteral("normal");
        r.seed = 99;
        r.cameraMovement = QStringLiteral("pan_left");
        f.editor.setRequest(r);
        QCOMPARE(f.editor.request(), r);
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 120 credits"));
        QVERIFY(f.generate->isEnabled());
        QVERIFY(!f.shown(f.hint));

        // A V6 job with sound and an image comes back as it was.
        GenerationRequest v6;
        v6.prompt = QStringLiteral("The cat turns its head");
        v6.model = QStringLiteral("v6");
        v6.duration = 11;
        v6.quality = QStringLiteral("1080p");
        v6.audio = true;
        v6.multiClip = true;
        v6.style = QStringLiteral("realistic");
        v6.setStartImage(m_dir.filePath(QStringLiteral("cat.png")));
        f.editor.setRequest(v6);
        QCOMPARE(f.editor.request(), v6);
        QCOMPARE(f.mode->currentData().toString(), QStringLiteral("i2v"));
        QCOMPARE(f.cost->text(),
                 QStringLiteral("Cost: 23 credits/s with sound × 11 s = 253 credits"));

        // A job made with a model this account is not offered: the default, and the hint says so.
        f.editor.setFamily(ApiFamily::Web);
        f.editor.setRequest(r);
        QCOMPARE(f.editor.request().model, QStringLiteral("v6"));
        QVERIFY(f.hint->text().contains(QStringLiteral("PixVerse V4")));
    }

    void mainWindowLaysOutTheCreatePane() {
        QSettings().clear(); // the window remembers settings in the app's own (private) QSettings
        MainWindow window;
        window.resize(1280, 800);
        window.setConnectionLabel(QStringLiteral("Offline sandbox"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PromptEditor* editor = window.promptEditor();
        ImageDropZone* zone = window.imageDropZone();
        QVERIFY(editor && zone);
        editor->setBalance(1000);

        auto* area = child<QScrollArea>(&window, "createPane");
        auto checkLayout = [&](const char* state) {
            QApplication::processEvents();
            for (const char* name : {"imageDropZone", "promptEdit", "negativePromptEdit",
                                     "modelCombo", "durationControl", "qualityCombo", "seedSpin",
                                     "costLabel", "generateButton", "recentPromptsButton"}) {
                auto* w = window.findChild<QWidget*>(QLatin1String(name));
                QVERIFY2(w && w->isVisible(), name);
                const QRect inWindow(w->mapTo(&window, QPoint(0, 0)), w->size());
                QVERIFY2(window.rect().contains(inWindow),
                         qPrintable(QStringLiteral("%1 (%2) is outside the window")
                                        .arg(QLatin1String(name), QLatin1String(state))));
                // Nothing squashed under its minimum.
                QVERIFY2(w->width() >= w->minimumSizeHint().width(), name);
            }
            // At 1280 × 800 the whole pane fits: no vertical scrolling needed.
            QVERIFY2(area->widget()->height() <= area->viewport()->height() + 1, state);
        };
        checkLayout("empty");
        const QByteArray dir = qgetenv("PIXVERSE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(window.grab().save(
                QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("create-empty.png"))));

        // With an image, a prompt and a refused combination.
        QImage image(1600, 900, QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                image.setPixel(
                    x, y, qRgb(40 + x * 150 / image.width(), 80 + y * 100 / image.height(), 160));
        QTemporaryDir temp;
        const QString png = temp.filePath(QStringLiteral("harbour at dusk.bmp"));
        QVERIFY(image.save(png, "bmp"));
        zone->setOutputDir(temp.filePath(QStringLiteral("out")));
        QSignalSpy imageChanged(zone, &ImageDropZone::imageChanged);
        zone->openFile(png);
        QVERIFY(imageChanged.wait(10000));
        QTRY_VERIFY(editor->isImageMode());
        QVERIFY(!window.findChild<QWidget*>(QStringLiteral("aspectRatioCombo"))->isVisible());
        child<QPlainTextEdit>(editor, "promptEdit")
            ->setPlainText(QStringLiteral(
                "The harbour lights come on one by one as the fog rolls in; slow push-in."));
        auto* model = child<QComboBox>(editor, "modelCombo");
        model->setCurrentIndex(model->findData(QStringLiteral("c1")));
        child<QComboBox>(editor, "qualityCombo")->setCurrentIndex(3); // 1080p
        child<QSlider>(editor, "durationSlider")->setValue(8);        // refused on C1 at 1080p
        child<QCheckBox>(editor, "switch_audio")->setChecked(true);
        checkLayout("filled");
        QVERIFY(!child<QLabel>(editor, "generateBlockedLabel")->text().isEmpty());
        if (!dir.isEmpty())
            QVERIFY(window.grab().save(
                QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("create-filled.png"))));

        // A 1280 × 800 screen at 2× leaves 640 × 400: the pane scrolls, nothing is cut off
        // sideways.
        window.resize(640, 400);
        QTRY_COMPARE(window.size(), QSize(640, 400));
        QApplication::processEvents();
        QVERIFY(area->verticalScrollBar()->isVisible());
        QVERIFY(area->widget()->width() <= area->viewport()->width());
        // The gallery beside it keeps its header inside the window.
        auto* jobsHeader = window.findChild<QWidget*>(QStringLiteral("jobsHeader"));
        QVERIFY(jobsHeader && jobsHeader->isVisible());
        QVERIFY(jobsHeader->mapTo(&window, QPoint(jobsHeader->width(), 0)).x() <= window.width());
        QVERIFY(jobsHeader->width() >= jobsHeader->minimumSizeHint().width());
        for (const char* name :
             {"imageDropZone", "promptEdit", "modelCombo", "durationControl", "seedSpin",
              "seedDiceButton", "generateButton", "recentPromptsButton", "removeButton"}) {
            auto* w = window.findChild<QWidget*>(QLatin1String(name));
            QVERIFY2(w && w->isVisible(), name);
            QVERIFY2(w->width() >= w->minimumSizeHint().width(), name);
            const int right = w->mapTo(area->widget(), QPoint(w->width(), 0)).x();
            QVERIFY2(right <= area->viewport()->width(), name);
        }
        if (!dir.isEmpty()) {
            QVERIFY(window.grab().save(
                QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("create-small.png"))));
            area->verticalScrollBar()->setValue(area->verticalScrollBar()->maximum());
            QVERIFY(window.grab().save(QDir(QString::fromLocal8Bit(dir))
                                           .filePath(QStringLiteral("create-small-end.png"))));
        }
    }
};

QTEST_MAIN(TestPromptEditor)
#include "tst_prompteditor.moc"
