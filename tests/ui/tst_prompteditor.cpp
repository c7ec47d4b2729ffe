#include "core/generation/ModelCatalog.h"
#include "tests/support/CatalogVariant.h"
#include "ui/ImageDropZone.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"
#include "ui/UiHelpers.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
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
        QComboBox* model = child<QComboBox>(&editor, "modelCombo");
        QComboBox* duration = child<QComboBox>(&editor, "durationCombo");
        QComboBox* quality = child<QComboBox>(&editor, "qualityCombo");
        QComboBox* aspect = child<QComboBox>(&editor, "aspectRatioCombo");
        QComboBox* motion = child<QComboBox>(&editor, "motionModeCombo");
        QComboBox* style = child<QComboBox>(&editor, "styleCombo");
        QComboBox* camera = child<QComboBox>(&editor, "cameraMovementCombo");
        QCheckBox* seedFixed = child<QCheckBox>(&editor, "seedFixedCheck");
        QSpinBox* seed = child<QSpinBox>(&editor, "seedSpin");
        QToolButton* dice = child<QToolButton>(&editor, "seedDiceButton");
        QLabel* cost = child<QLabel>(&editor, "costLabel");
        QLabel* balance = child<QLabel>(&editor, "balanceLabel");
        QLabel* blocked = child<QLabel>(&editor, "generateBlockedLabel");
        QPushButton* generate = child<QPushButton>(&editor, "generateButton");

        void choose(QComboBox* combo, const QString& value) {
            const int index = combo->findData(value);
            if (index < 0)
                qFatal("%s has no %s", qPrintable(combo->objectName()), qPrintable(value));
            combo->setCurrentIndex(index);
        }
        void set(const char* m, const char* q, int d, const char* motionMode = "normal") {
            choose(model, QLatin1String(m));
            choose(quality, QLatin1String(q));
            choose(duration, QString::number(d));
            choose(motion, QLatin1String(motionMode));
        }
    };

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void startsWithTheDocumentedModelsAndAnEmptyPrompt() {
        Fixture f(ini());
        QCOMPARE(values(f.model), (QStringList{QStringLiteral("v3.5"), QStringLiteral("v4"),
                                               QStringLiteral("v4.5"), QStringLiteral("v5")}));
        QCOMPARE(f.model->currentText(), QStringLiteral("PixVerse V4.5"));
        QCOMPARE(values(f.duration), (QStringList{QStringLiteral("5"), QStringLiteral("8")}));
        QCOMPARE(f.duration->currentText(), QStringLiteral("5 s"));
        QCOMPARE(f.quality->currentData().toString(), QStringLiteral("540p"));
        QCOMPARE(f.aspect->currentData().toString(), QStringLiteral("16:9"));
        QCOMPARE(f.promptCount->text(), QStringLiteral("0 / 2048"));
        // Nothing to send yet, and the editor says so.
        QVERIFY(!f.generate->isEnabled());
        QCOMPARE(f.blocked->text(), QStringLiteral("Write a prompt: it cannot be empty."));
        QCOMPARE(f.generate->toolTip(), f.blocked->text());
        QVERIFY(!f.editor.canGenerate());
    }

    void typingUpdatesTheCountInCharacters() {
        Fixture f(ini());
        QSignalSpy changed(&f.editor, &PromptEditor::requestChanged);
        QTest::keyClicks(f.prompt, QStringLiteral("A fox"));
        QCOMPARE(f.promptCount->text(), QStringLiteral("5 / 2048"));
        QCOMPARE(changed.count(), 5);
        // An emoji is two UTF-16 units but one character for the service.
        f.prompt->insertPlainText(QStringLiteral("😀"));
        QCOMPARE(f.prompt->toPlainText().size(), 7);
        QCOMPARE(f.promptCount->text(), QStringLiteral("6 / 2048"));
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

    void v45DisablesTheRefusedCombinationsAndSaysWhy() {
        Fixture f(ini());
        f.prompt->setPlainText(QStringLiteral("A lighthouse in a storm"));
        f.set("v4.5", "1080p", 5);
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
        // V5 has one motion mode: nothing to choose.
        QCOMPARE(values(f.motion), QStringList{QStringLiteral("normal")});
        QVERIFY(!f.motion->isEnabled());
        const GenerationRequest r = f.editor.request();
        QCOMPARE(r.model, QStringLiteral("v5"));
        QCOMPARE(r.quality, QStringLiteral("1080p"));
        QCOMPARE(r.duration, 8);
    }

    void switchingToAModelThatRefusesTheSettingsSaysWhy() {
        Fixture f(ini());
        f.prompt->setPlainText(QStringLiteral("A lighthouse in a storm"));
        f.set("v5", "1080p", 8);
        f.choose(f.model, QStringLiteral("v4.5"));
        // The settings are kept, shown as refused, and Generate says why.
        QCOMPARE(f.quality->currentData().toString(), QStringLiteral("1080p"));
        QCOMPARE(f.duration->currentData().toString(), QStringLiteral("8"));
        QVERIFY(!itemEnabled(f.duration, QStringLiteral("8")));
        QCOMPARE(f.duration->toolTip(), k1080Only5);
        QVERIFY(!f.generate->isEnabled());
        QCOMPARE(f.blocked->text(), k1080Only5);
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: no price for these settings"));
        f.choose(f.duration, QStringLiteral("5"));
        QVERIFY(f.generate->isEnabled());
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 120 credits"));
        QVERIFY(f.duration->toolTip().isEmpty());
    }

    void costFollowsThePricingTable_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("quality");
        QTest::addColumn<int>("duration");
        QTest::addColumn<QString>("motion");
        QTest::addColumn<QString>("text");
        // ../shared/pixverse-api.md §2.9
        auto row = [](const char* m, const char* q, int d, const char* motion, const char* text) {
            QTest::addRow("%s %s %ds %s", m, q, d, motion)
                << QString::fromLatin1(m) << QString::fromLatin1(q) << d
                << QString::fromLatin1(motion) << QString::fromLatin1(text);
        };
        row("v4.5", "540p", 5, "normal", "Cost: 45 credits");
        row("v4.5", "540p", 8, "normal", "Cost: 90 credits");
        row("v4.5", "360p", 5, "fast", "Cost: 90 credits");
        row("v4", "720p", 5, "fast", "Cost: 120 credits");
        row("v4", "720p", 8, "normal", "Cost: 120 credits");
        row("v3.5", "1080p", 5, "normal", "Cost: 120 credits");
        row("v5", "360p", 8, "normal", "Cost: 90 credits");
        row("v5", "720p", 5, "normal", "Cost: 60 credits");
        row("v5", "1080p", 5, "normal", "Cost: 120 credits");
    }
    void costFollowsThePricingTable() {
        QFETCH(QString, model);
        QFETCH(QString, quality);
        QFETCH(int, duration);
        QFETCH(QString, motion);
        QFETCH(QString, text);
        Fixture f(ini());
        f.set(model.toLatin1().constData(), quality.toLatin1().constData(), duration,
              motion.toLatin1().constData());
        QCOMPARE(f.cost->text(), text);
        QCOMPARE(f.editor.cost(), ModelCatalog::builtIn().creditCost(f.editor.request()));
        // The cost is shown before Generate, whatever the prompt.
        QVERIFY(!f.generate->isEnabled());
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
        f.choose(f.quality, QStringLiteral("1080p"));
        QVERIFY(!f.generate->isEnabled());
        f.editor.setBalance(120);
        QVERIFY(f.generate->isEnabled());
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
        QCOMPARE(r.model, QStringLiteral("v5"));
        QCOMPARE(r.quality, QStringLiteral("720p"));
        QCOMPARE(r.duration, 8);
        QCOMPARE(r.aspectRatio, QStringLiteral("9:16"));
        QCOMPARE(r.motionMode, QStringLiteral("normal"));
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
        auto shown = [&f](QWidget* w) { return w->isVisibleTo(&f.editor); };
        f.choose(f.model, QStringLiteral("v3.5"));
        QVERIFY(shown(f.style));
        QVERIFY(!shown(f.camera));
        QCOMPARE(values(f.style),
                 (QStringList{QString(), QStringLiteral("anime"), QStringLiteral("3d_animation"),
                              QStringLiteral("day"), QStringLiteral("cyberpunk"),
                              QStringLiteral("comic")}));
        f.choose(f.style, QStringLiteral("anime"));
        QCOMPARE(f.editor.request().style, QStringLiteral("anime"));

        f.choose(f.model, QStringLiteral("v4.5"));
        QVERIFY(!shown(f.style));
        QVERIFY(shown(f.camera));
        QVERIFY(f.editor.request().style.isEmpty()); // not sent to a model that refuses it
        f.choose(f.camera, QStringLiteral("zoom_in"));
        QCOMPARE(f.editor.request().cameraMovement, QStringLiteral("zoom_in"));
        QCOMPARE(f.camera->currentText(), QStringLiteral("Zoom in"));

        f.choose(f.model, QStringLiteral("v5"));
        QVERIFY(!shown(f.style));
        QVERIFY(!shown(f.camera));
        QVERIFY(f.editor.request().cameraMovement.isEmpty());

        // Back on v4.5 the choice is still there.
        f.choose(f.model, QStringLiteral("v4.5"));
        QCOMPARE(f.editor.request().cameraMovement, QStringLiteral("zoom_in"));
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
        QVERIFY(f.aspect->isVisibleTo(&f.editor));
        QVERIFY(!f.editor.request().isImageToVideo());

        // Image mode without an image yet cannot generate.
        f.editor.setImageMode(true);
        QVERIFY(!f.aspect->isVisibleTo(&f.editor));
        QVERIFY(!f.generate->isEnabled());
    }

    void familySwitchesShowOnlyWhereAccepted() {
        Fixture f(ini());
        auto* offPeak = child<QCheckBox>(&f.editor, "switch_offPeak");
        auto* audio = child<QCheckBox>(&f.editor, "switch_audio");
        QVERIFY(!offPeak->isVisibleTo(&f.editor)); // OpenAPI: no off-peak
        QVERIFY(!audio->isVisibleTo(&f.editor));   // no offered model has audio yet
        f.editor.setFamily(ApiFamily::Web);
        QVERIFY(offPeak->isVisibleTo(&f.editor));
        // The website takes longer prompts than the OpenAPI (§3.10); negative prompts do not.
        QCOMPARE(child<QLabel>(&f.editor, "promptCount")->text(), QStringLiteral("0 / 5000"));
        QCOMPARE(child<QLabel>(&f.editor, "negativePromptCount")->text(),
                 QStringLiteral("0 / 2048"));
        QCOMPARE(offPeak->text(), QStringLiteral("Off-peak (cheaper, slower)"));
        offPeak->setChecked(true);
        QVERIFY(f.editor.request().offPeak);
        f.editor.setFamily(ApiFamily::OpenApi);
        QVERIFY(!offPeak->isVisibleTo(&f.editor));
        QVERIFY(!f.editor.request().offPeak);
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
        f.set("v4.5", "540p", 5);
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 45 credits")); // the built-in table
        f.editor.setCatalog(&*shared);
        QCOMPARE(&f.editor.catalog(), &*shared); // the instance itself, not a copy
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 50 credits"));
        QCOMPARE(f.editor.cost(), std::optional<int>(50));
        f.set("v4.5", "720p", 5);
        QCOMPARE(f.cost->text(), QStringLiteral("Cost: 60 credits"));
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
        Fixture g(ini());
        QCOMPARE(g.model->currentData().toString(), QStringLiteral("v5"));
        QCOMPARE(g.quality->currentData().toString(), QStringLiteral("720p"));
        QCOMPARE(g.duration->currentData().toString(), QStringLiteral("8"));
        QCOMPARE(g.aspect->currentData().toString(), QStringLiteral("9:16"));
        QVERIFY(g.seedFixed->isChecked());
        QCOMPARE(g.seed->value(), 77);
        QVERIFY(g.prompt->toPlainText().isEmpty());
        QCOMPARE(g.cost->text(), QStringLiteral("Cost: 120 credits"));
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
        QCOMPARE(f.promptCount->text(), QStringLiteral("13 / 2048"));

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
                                     "modelCombo", "durationCombo", "qualityCombo", "seedSpin",
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
        child<QComboBox>(editor, "qualityCombo")->setCurrentIndex(3);  // 1080p
        child<QComboBox>(editor, "durationCombo")->setCurrentIndex(1); // 8 s: refused on v4.5
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
             {"imageDropZone", "promptEdit", "modelCombo", "durationCombo", "seedSpin",
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
