// The composer's effects and reference to video (issue 17): a template chosen in the browser
// becomes Effect mode with a slot per image it takes, the references strip names subjects and
// backgrounds the prompt calls by @name, and what the catalog refuses sends nothing. The whole
// app against the embedded sandbox on 127.0.0.1, real widgets driven by QTest, real image checks.
#include "app/gui/StudioApp.h"
#include "core/effects/TemplateLibrary.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/Job.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "core/sandbox/SandboxHost.h"
#include "core/sandbox/SandboxTemplates.h"
#include "core/settings/AppSettings.h"
#include "ui/ChosenEffectBox.h"
#include "ui/ComposerInputs.h"
#include "ui/EffectCardDelegate.h"
#include "ui/EffectsBrowser.h"
#include "ui/ImageDropZone.h"
#include "ui/JobsPane.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"
#include "ui/PromptEditorMentions.h"
#include "ui/ReferencesStrip.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrl>

using namespace pixverse;
namespace templates = pixverse::sandbox::templates;

namespace {

template <typename T> T* child(const QObject* parent, const char* name) {
    auto* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

bool dragAndDrop(QWidget* target, const QStringList& paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

//! The cards of the strip, in order.
QList<QWidget*> referenceCards(const ReferencesStrip* strip) {
    QList<QWidget*> cards;
    const QList<QWidget*> all =
        strip->findChildren<QWidget*>(QStringLiteral("referenceCard"), Qt::FindDirectChildrenOnly);
    for (QWidget* card : all) {
        if (card->isVisibleTo(strip))
            cards << card;
    }
    return cards;
}

QString reasonsText(const QList<RuleViolation>& violations, const QString& field) {
    for (const RuleViolation& v : violations) {
        if (v.field == field)
            return v.reason;
    }
    return {};
}

} // namespace

class TestComposerEffects : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString image(const QString& name, QRgb colour = qRgb(200, 120, 30)) {
        const QString file = m_dir.filePath(name);
        if (!QFileInfo::exists(file)) {
            QImage picture(640, 360, QImage::Format_RGB32);
            picture.fill(colour);
            if (!picture.save(file))
                qFatal("cannot write %s", qPrintable(file));
        }
        return file;
    }

    //! The whole app as `pixverse-studio --sandbox` runs it, signed in, its template list in.
    struct App {
        explicit App(const QString& dir) {
            options.sandbox = true;
            options.installLog = false;
            options.dataDir = QDir(dir).filePath(QStringLiteral("data"));
            options.settingsFile = QDir(dir).filePath(QStringLiteral("app.ini"));
            options.sandboxConfig.generationMs = 300;
            AppSettings(options.settingsFile)
                .setLibraryFolder(QDir(dir).filePath(QStringLiteral("library")));
            QSettings().clear();
            app = std::make_unique<StudioApp>(options);
        }
        bool start() {
            if (!app->start() || !QTest::qWaitForWindowExposed(window()))
                return false;
            return QTest::qWaitFor([this] { return app->jobEngine() != nullptr; }, 15000) &&
                   QTest::qWaitFor(
                       [this] { return !app->templateLibrary()->templates().isEmpty(); }, 15000);
        }
        MainWindow* window() const { return app->window(); }
        PromptEditor* editor() const { return window()->promptEditor(); }
        ComposerInputs* inputs() const { return window()->composerInputs(); }
        QPlainTextEdit* prompt() const { return child<QPlainTextEdit>(editor(), "promptEdit"); }
        QPushButton* generate() const { return child<QPushButton>(editor(), "generateButton"); }
        sandbox::SandboxStats stats() const { return app->sandboxHost()->stats(); }
        EffectTemplate effect(qint64 id) const {
            const std::optional<EffectTemplate> found = app->templateLibrary()->find(id);
            if (!found)
                qFatal("the list has no template %lld", id);
            return *found;
        }
        //! Chosen as the browser does it.
        void choose(qint64 id) const {
            Q_EMIT window()->effectsBrowser()->templateChosen(effect(id));
        }
        //! Waits for the newest job to reach `state`.
        bool newestIs(JobState state) const {
            return QTest::qWaitFor([this] { return !app->jobStore()->jobs().isEmpty(); }, 10000) &&
                   QTest::qWaitFor(
                       [this, state] {
                           return app->jobStore()->jobs().constFirst().state == state;
                       },
                       30000);
        }

        StudioOptions options;
        std::unique_ptr<StudioApp> app;
    };

    //! The references strip with a subject and a background, their images checked.
    void addTwoReferences(App& a) {
        ReferencesStrip* strip = a.inputs()->referencesStrip();
        QTest::mouseClick(child<QPushButton>(strip, "addSubjectButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(strip, "addBackgroundButton"), Qt::LeftButton);
        const QList<QWidget*> cards = referenceCards(strip);
        QCOMPARE(cards.size(), 2);
        for (QWidget* card : cards)
            card->findChild<ImageDropZone*>()->setOutputDir(m_dir.filePath(QStringLiteral("out")));
        QVERIFY(dragAndDrop(child<ImageDropZone>(cards.at(0), "subjectZone"),
                            {image(QStringLiteral("fox.png"))}));
        QVERIFY(dragAndDrop(child<ImageDropZone>(cards.at(1), "backgroundZone"),
                            {image(QStringLiteral("forest.png"), qRgb(20, 120, 40))}));
        QTRY_COMPARE_WITH_TIMEOUT(strip->references().size(), 2, 15000);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // A one-image template chosen in the browser: Effect mode, the box with its name and what
    // it needs, one slot; the job goes to the sandbox and ends Done; reuse brings it back.
    void aTemplateJobCompletesAndComesBack() {
        QTemporaryDir dir;
        App a(dir.path());
        QVERIFY(a.start());
        const sandbox::SandboxStats before = a.stats();
        const EffectTemplate effect = a.effect(templates::kAudienceReactionId);
        a.choose(effect.id);
        QCOMPARE(a.editor()->mode(), GenerationMode::Effect);
        ChosenEffectBox* box = a.inputs()->effectBox();
        QVERIFY(box->isVisible());
        QCOMPARE(box->templateId(), effect.id);
        QCOMPARE(child<QLabel>(box, "effectName")->text(), effect.name);
        QCOMPARE(a.inputs()->effectZones().size(), 1);
        QVERIFY(!a.editor()->canGenerate()); // its image is missing
        ImageDropZone* zone = a.inputs()->effectZones().constFirst();
        zone->setOutputDir(m_dir.filePath(QStringLiteral("out")));
        QVERIFY(dragAndDrop(zone, {image(QStringLiteral("crowd.png"))}));
        QTRY_VERIFY_WITH_TIMEOUT(a.editor()->canGenerate(), 15000);
        // The price is the model's image-to-video one.
        GenerationRequest priced = a.editor()->request();
        priced.mode = GenerationMode::ImageToVideo;
        QCOMPARE(a.editor()->cost(), a.editor()->catalog().creditCost(priced));
        QTest::mouseClick(a.generate(), Qt::LeftButton);
        QVERIFY(a.newestIs(JobState::Done));
        const Job done = a.app->jobStore()->jobs().constFirst();
        QCOMPARE(done.request.mode, GenerationMode::Effect);
        QCOMPARE(done.request.templateId, effect.id);
        QCOMPARE(done.request.imagesWith(RequestImage::Role::Start).size(), 1);
        // The prompt is the template's own: the card is called after the template.
        QCOMPARE(done.request.templatePrompt, effect.prompt);
        QCOMPARE(JobListModel::titleOf(done), effect.name);
        // The box says what the effect needs in the card's words.
        QCOMPARE(child<QLabel>(box, "effectNeeds")->text(),
                 EffectCardDelegate::needsText(effect.imageCount) + QStringLiteral(" · ") +
                     EffectCardDelegate::qualitiesText(effect.qualities));
        QVERIFY(QFileInfo::exists(done.videoPath));
        QCOMPARE(a.stats().uploads - before.uploads, 1);
        QCOMPARE(a.stats().generationsCreated - before.generationsCreated, 1);

        // Reuse after moving elsewhere: the template, its box and its image come back.
        QVERIFY(a.editor()->setMode(GenerationMode::TextToVideo));
        Q_EMIT a.window()->jobsPane()->reuseRequested(done.request);
        QCOMPARE(a.editor()->mode(), GenerationMode::Effect);
        QCOMPARE(box->templateId(), effect.id);
        QCOMPARE(child<QLabel>(box, "effectName")->text(), effect.name);
        QCOMPARE(a.inputs()->effectZones().size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(a.editor()->canGenerate(), 15000);
        QCOMPARE(a.editor()->request().templateId, effect.id);
    }

    // A template of two images: two slots, both sent (img_ids), Done.
    void aTwoImageTemplateSendsBoth() {
        QTemporaryDir dir;
        App a(dir.path());
        QVERIFY(a.start());
        const sandbox::SandboxStats before = a.stats();
        a.choose(templates::kTwoImageId);
        const QList<ImageDropZone*> zones = a.inputs()->effectZones();
        QCOMPARE(zones.size(), 2);
        for (ImageDropZone* zone : zones)
            zone->setOutputDir(m_dir.filePath(QStringLiteral("out")));
        QVERIFY(dragAndDrop(zones.at(0), {image(QStringLiteral("left.png"))}));
        QTRY_VERIFY_WITH_TIMEOUT(zones.at(0)->image().has_value(), 15000);
        QVERIFY(!a.editor()->canGenerate()); // one of two
        QVERIFY(dragAndDrop(zones.at(1), {image(QStringLiteral("right.png"), qRgb(0, 90, 200))}));
        QTRY_VERIFY_WITH_TIMEOUT(a.editor()->canGenerate(), 15000);
        QCOMPARE(a.editor()->request().imagesWith(RequestImage::Role::Start).size(), 2);
        QTest::mouseClick(a.generate(), Qt::LeftButton);
        QVERIFY(a.newestIs(JobState::Done));
        QCOMPARE(a.stats().uploads - before.uploads, 2);
        QCOMPARE(a.stats().generationsCreated - before.generationsCreated, 1);
    }

    // A template that allows up to 540p: 720p is refused before sending with 500071's sentence.
    void aLowQualityTemplateRefusesHigherQualities() {
        QTemporaryDir dir;
        App a(dir.path());
        QVERIFY(a.start());
        a.choose(templates::kLowQualityOnlyId);
        auto* quality = child<QComboBox>(a.editor(), "qualityCombo");
        QVERIFY(quality->currentData().toString() != QLatin1String("720p"));
        const std::optional<QString> why =
            a.editor()->catalog().whyNotAllowed(a.editor()->request(), ApiFamily::OpenApi,
                                                QStringLiteral("quality"), QStringLiteral("720p"));
        QVERIFY(why.has_value());
        const QString sentence = *why;
        GenerationRequest at720 = a.editor()->request();
        at720.quality = QStringLiteral("720p");
        QVERIFY(!a.editor()->catalog().validate(at720, ApiFamily::OpenApi).isEmpty());
        auto* model = qobject_cast<QStandardItemModel*>(quality->model());
        const int row = quality->findData(QStringLiteral("720p"));
        QVERIFY(row >= 0);
        QVERIFY(!model->item(row)->isEnabled());
        QCOMPARE(model->item(row)->toolTip(), sentence);
    }

    // Not activated: the sandbox answers 500070 once; from then on the composer refuses it
    // before sending, with that sentence.
    void aTemplateNotActivatedIsRefusedAfterTheFirstAnswer() {
        QTemporaryDir dir;
        App a(dir.path());
        QVERIFY(a.start());
        a.choose(templates::kNotActivatedId);
        ImageDropZone* zone = a.inputs()->effectZones().value(0);
        QVERIFY(zone);
        zone->setOutputDir(m_dir.filePath(QStringLiteral("out")));
        QVERIFY(dragAndDrop(zone, {image(QStringLiteral("stage.png"))}));
        QTRY_VERIFY_WITH_TIMEOUT(a.editor()->canGenerate(), 15000);
        QTest::mouseClick(a.generate(), Qt::LeftButton);
        QVERIFY(a.newestIs(JobState::Failed));
        QTRY_VERIFY_WITH_TIMEOUT(a.editor()->effectFacts().templateNeedsActivation, 10000);
        QVERIFY(a.app->templateLibrary()->find(templates::kNotActivatedId)->needsActivation);
        const QList<RuleViolation> violations =
            a.editor()->catalog().validate(a.editor()->request(), ApiFamily::OpenApi);
        QCOMPARE(violations.size(), 1);
        const QString sentence = violations.constFirst().reason;
        QVERIFY(a.editor()->blockingReasons().contains(sentence));
        QCOMPARE(child<QLabel>(a.editor(), "generateBlockedLabel")->text(),
                 a.editor()->blockingReasons().constFirst());
        const sandbox::SandboxStats before = a.stats();
        QTest::mouseClick(a.generate(), Qt::LeftButton);
        QTest::keyClick(a.prompt(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(a.app->jobStore()->jobs().size(), 1);
        QCOMPARE(a.stats().uploads, before.uploads);
        QCOMPARE(a.stats().generationsCreated, before.generationsCreated);
    }

    // Two references named by default, called by @name: Done, with the names sent; reuse brings
    // both back with their names.
    void aTwoReferenceFusionJobCompletesAndComesBack() {
        QTemporaryDir dir;
        App a(dir.path());
        QVERIFY(a.start());
        const sandbox::SandboxStats before = a.stats();
        QVERIFY(a.editor()->setMode(GenerationMode::Fusion));
        QVERIFY(a.inputs()->referencesStrip()->isVisible());
        addTwoReferences(a);
        a.prompt()->setPlainText(QStringLiteral("@subject1 runs through @background1 at dawn"));
        QTRY_VERIFY_WITH_TIMEOUT(a.editor()->canGenerate(), 15000);
        QVERIFY(a.editor()->unusedReferenceNames().isEmpty());
        QTest::mouseClick(a.generate(), Qt::LeftButton);
        QVERIFY(a.newestIs(JobState::Done));
        const Job done = a.app->jobStore()->jobs().constFirst();
        QCOMPARE(done.request.mode, GenerationMode::Fusion);
        const QList<RequestImage> references = done.request.references();
        QCOMPARE(references.size(), 2);
        QCOMPARE(references.at(0).name, QStringLiteral("subject1"));
        QCOMPARE(references.at(0).role, RequestImage::Role::Subject);
        QCOMPARE(references.at(1).name, QStringLiteral("background1"));
        QCOMPARE(references.at(1).role, RequestImage::Role::Background);
        QCOMPARE(a.stats().uploads - before.uploads, 2);
        QCOMPARE(a.stats().generationsCreated - before.generationsCreated, 1);

        QVERIFY(a.editor()->setMode(GenerationMode::TextToVideo));
        Q_EMIT a.window()->jobsPane()->reuseRequested(done.request);
        QCOMPARE(a.editor()->mode(), GenerationMode::Fusion);
        ReferencesStrip* strip = a.inputs()->referencesStrip();
        QTRY_COMPARE_WITH_TIMEOUT(strip->references().size(), 2, 15000);
        QCOMPARE(strip->references().at(0).name, QStringLiteral("subject1"));
        QCOMPARE(strip->references().at(1).name, QStringLiteral("background1"));
        QCOMPARE(strip->references().at(1).role, RequestImage::Role::Background);
        QTRY_VERIFY_WITH_TIMEOUT(a.editor()->canGenerate(), 15000);
    }

    // An unnamed reference and an unknown @name: refused with the catalog's sentences, nothing
    // sent. A reference the prompt never names is only a warning.
    void unnamedReferencesAndUnknownMentionsSendNothing() {
        QTemporaryDir dir;
        App a(dir.path());
        QVERIFY(a.start());
        QVERIFY(a.editor()->setMode(GenerationMode::Fusion));
        addTwoReferences(a);
        const sandbox::SandboxStats before = a.stats();
        const ModelCatalog& catalog = a.editor()->catalog();

        // Only one named in the prompt: a warning under it, Generate allowed.
        a.prompt()->setPlainText(QStringLiteral("@subject1 sleeps"));
        QTRY_VERIFY_WITH_TIMEOUT(a.editor()->canGenerate(), 15000);
        auto* unused = child<QLabel>(a.editor(), "unusedReferencesLabel");
        QVERIFY(unused->isVisible());
        QVERIFY(unused->text().contains(QStringLiteral("@background1")));

        // An unknown @name.
        a.prompt()->setPlainText(QStringLiteral("@subject1 meets @nobody in @background1"));
        const QString unknown =
            reasonsText(catalog.validate(a.editor()->request(), ApiFamily::OpenApi),
                        QStringLiteral("references"));
        QVERIFY(unknown.contains(QStringLiteral("nobody")));
        QVERIFY(!a.editor()->canGenerate());
        QVERIFY(a.editor()->blockingReasons().contains(unknown));
        auto* edit = qobject_cast<MentionPromptEdit*>(a.prompt());
        QVERIFY(edit);
        QCOMPARE(edit->unknownMentions(), QStringList{QStringLiteral("nobody")});
        QTest::mouseClick(a.generate(), Qt::LeftButton);
        QTest::keyClick(a.prompt(), Qt::Key_Return, Qt::ControlModifier);

        // An unnamed reference.
        a.prompt()->setPlainText(QStringLiteral("@subject1 walks"));
        QWidget* background = referenceCards(a.inputs()->referencesStrip()).at(1);
        auto* name = child<QLineEdit>(background, "referenceNameEdit");
        name->clear();
        QVERIFY(child<QLabel>(background, "referenceNameProblem")->isVisible());
        const QString unnamed =
            reasonsText(catalog.validate(a.editor()->request(), ApiFamily::OpenApi),
                        QStringLiteral("references"));
        QVERIFY(!unnamed.isEmpty());
        QVERIFY(a.editor()->blockingReasons().contains(unnamed));
        QTest::mouseClick(a.generate(), Qt::LeftButton);
        QTest::keyClick(a.prompt(), Qt::Key_Return, Qt::ControlModifier);

        QVERIFY(a.app->jobStore()->jobs().isEmpty());
        QCOMPARE(a.stats().uploads, before.uploads);
        QCOMPARE(a.stats().generationsCreated, before.generationsCreated);
    }

    // Typing '@' offers the names; choosing one inserts "@name ".
    void typingAnAtOffersTheNames() {
        QSettings().clear();
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        PromptEditor* editor = window.promptEditor();
        QVERIFY(editor->setMode(GenerationMode::Fusion));
        ReferencesStrip* strip = window.composerInputs()->referencesStrip();
        QVERIFY(strip->addReference(RequestImage::Role::Subject));
        QVERIFY(strip->addReference(RequestImage::Role::Background));
        for (QWidget* card : referenceCards(strip))
            card->findChild<ImageDropZone*>()->setOutputDir(m_dir.filePath(QStringLiteral("out")));
        referenceCards(strip).at(0)->findChild<ImageDropZone*>()->openFile(
            image(QStringLiteral("cat.png")));
        referenceCards(strip).at(1)->findChild<ImageDropZone*>()->openFile(
            image(QStringLiteral("beach.png"), qRgb(240, 220, 160)));
        QTRY_COMPARE_WITH_TIMEOUT(strip->references().size(), 2, 15000);

        auto* prompt = child<MentionPromptEdit>(editor, "promptEdit");
        prompt->setFocus();
        QTest::keyClicks(prompt, QStringLiteral("A cat "));
        QTest::keyClick(prompt, Qt::Key_At, Qt::ShiftModifier, 0);
        QAbstractItemView* popup = prompt->completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(prompt->completer()->completionCount(), 2);
        QTest::keyClicks(popup, QStringLiteral("b"));
        QTRY_COMPARE(prompt->completer()->completionCount(), 1);
        QTest::keyClick(popup, Qt::Key_Return);
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(prompt->toPlainText(), QStringLiteral("A cat @background1 "));
        // The other reference is not named yet: said under the prompt.
        QCOMPARE(editor->unusedReferenceNames(), QStringList{QStringLiteral("subject1")});
    }

    // The add buttons stop at the model's limits (v5: three images), the tooltip saying why in
    // the catalog's words; removing one enables them again.
    void theAddButtonsStopAtTheModelsLimit() {
        QSettings().clear();
        MainWindow window;
        window.show();
        PromptEditor* editor = window.promptEditor();
        QVERIFY(editor->setMode(GenerationMode::Fusion));
        auto* models = child<QComboBox>(editor, "modelCombo");
        const int v5 = models->findData(QStringLiteral("v5"));
        QVERIFY(v5 >= 0);
        models->setCurrentIndex(v5);
        QCOMPARE(editor->request().model, QStringLiteral("v5"));
        QCOMPARE(editor->mode(), GenerationMode::Fusion);
        ReferencesStrip* strip = window.composerInputs()->referencesStrip();
        auto* addSubject = child<QPushButton>(strip, "addSubjectButton");
        auto* addBackground = child<QPushButton>(strip, "addBackgroundButton");
        for (int i = 0; i < 3; ++i) {
            QVERIFY(addSubject->isEnabled());
            QTest::mouseClick(addSubject, Qt::LeftButton);
        }
        QCOMPARE(strip->count(), 3);
        QVERIFY(!addSubject->isEnabled());
        QVERIFY(!addBackground->isEnabled());
        // The catalog's sentence for a fourth.
        GenerationRequest four = editor->request();
        four.images.clear();
        for (int i = 0; i < 4; ++i)
            four.images.append({RequestImage::Role::Subject, QStringLiteral("reference"),
                                QStringLiteral("ref%1").arg(i + 1)});
        const QString why = reasonsText(editor->catalog().validate(four, ApiFamily::OpenApi),
                                        QStringLiteral("references"));
        QVERIFY(!why.isEmpty());
        QCOMPARE(addSubject->toolTip(), why);
        QVERIFY(!strip->addReference(RequestImage::Role::Subject));
        QTest::mouseClick(child<QToolButton>(referenceCards(strip).at(0), "removeReferenceButton"),
                          Qt::LeftButton);
        QVERIFY(addSubject->isEnabled());
        QVERIFY(addBackground->isEnabled());
    }

    // Names are checked as they are typed: not usable, taken twice (any case).
    void referenceNamesAreCheckedAsTyped() {
        QSettings().clear();
        MainWindow window;
        window.show();
        QVERIFY(window.promptEditor()->setMode(GenerationMode::Fusion));
        ReferencesStrip* strip = window.composerInputs()->referencesStrip();
        QVERIFY(strip->addReference(RequestImage::Role::Subject));
        QVERIFY(strip->addReference(RequestImage::Role::Subject));
        const QList<QWidget*> cards = referenceCards(strip);
        QCOMPARE(cards.size(), 2);
        auto* first = child<QLineEdit>(cards.at(0), "referenceNameEdit");
        auto* second = child<QLineEdit>(cards.at(1), "referenceNameEdit");
        QCOMPARE(first->text(), QStringLiteral("subject1"));
        QCOMPARE(second->text(), QStringLiteral("subject2"));
        auto* problem = child<QLabel>(cards.at(1), "referenceNameProblem");
        QVERIFY(!problem->isVisible());
        second->setText(QStringLiteral("Subject1"));
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(QStringLiteral("Subject1")));
        second->setText(QStringLiteral("two words"));
        QVERIFY(problem->isVisible());
        second->setText(QString(31, QLatin1Char('a')));
        QVERIFY(problem->isVisible());
        second->setText(QStringLiteral("hero"));
        QVERIFY(!problem->isVisible());
        // Removed: gone from the strip.
        QTest::mouseClick(child<QToolButton>(cards.at(0), "removeReferenceButton"), Qt::LeftButton);
        QCOMPARE(referenceCards(strip).size(), 1);
        QCOMPARE(strip->count(), 1);
    }
};

QTEST_MAIN(TestComposerEffects)
#include "tst_composer_effects.moc"
