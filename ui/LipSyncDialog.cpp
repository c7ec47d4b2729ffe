#include "ui/LipSyncDialog.h"

#include "core/generation/ModelCatalog.h"
#include "core/media/MediaCheck.h"
#include "core/media/MediaProbe.h"
#include "ui/ContinuationPrice.h"
#include "ui/UiHelpers.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace pixverse {

LipSyncDialog::LipSyncDialog(const GenerationRequest& base, const ModelCatalog* catalog,
                             std::optional<qint64> balance, QWidget* parent)
    : QDialog(parent)
    , m_base(base)
    , m_catalog(catalog ? catalog : &ModelCatalog::builtIn())
    , m_balance(balance) {
    setObjectName(QStringLiteral("lipSyncDialog"));
    setWindowTitle(tr("Lip Sync"));
    m_audioFileProvider = [](QWidget* parent) {
        return QFileDialog::getOpenFileName(parent, tr("Choose the Audio"), QDir::homePath(),
                                            tr("Audio files (*.mp3 *.wav *.m4a *.aac)"));
    };
    auto* intro = new QLabel(tr("The person in the video speaks a text with a voice of your "
                                "choice, or the speech of an audio file."),
                             this);
    intro->setWordWrap(true);

    m_voiceChoice = new QRadioButton(tr("Speak a &text"), this);
    m_voiceChoice->setObjectName(QStringLiteral("voiceChoice"));
    m_audioChoice = new QRadioButton(tr("Use an &audio file"), this);
    m_audioChoice->setObjectName(QStringLiteral("audioFileChoice"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_voiceChoice);
    group->addButton(m_audioChoice);
    m_voiceChoice->setChecked(true);

    auto* voicePage = new QWidget(this);
    buildVoicePart(voicePage);
    auto* audioPage = new QWidget(this);
    buildAudioPart(audioPage);

    m_cost = new QLabel(this);
    m_cost->setObjectName(QStringLiteral("lipSyncCostLabel"));
    m_cost->setWordWrap(true);
    QFont bold = m_cost->font();
    bold.setBold(true);
    m_cost->setFont(bold);
    m_balanceLabel = new QLabel(this);
    m_balanceLabel->setObjectName(QStringLiteral("lipSyncBalanceLabel"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Lip Sync"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("lipSyncButton"));
    m_ok->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_voiceChoice);
    layout->addWidget(voicePage);
    layout->addWidget(m_audioChoice);
    layout->addWidget(audioPage);
    layout->addWidget(m_cost);
    layout->addWidget(m_balanceLabel);
    layout->addWidget(buttons);
    setMinimumWidth(460);

    connect(m_voiceChoice, &QRadioButton::toggled, voicePage, &QWidget::setEnabled);
    connect(m_audioChoice, &QRadioButton::toggled, audioPage, &QWidget::setEnabled);
    connect(m_voiceChoice, &QRadioButton::toggled, this, &LipSyncDialog::updateState);
    audioPage->setEnabled(false);
    updateState();
}

void LipSyncDialog::buildVoicePart(QWidget* page) {
    m_speakers = new QComboBox(page);
    m_speakers->setObjectName(QStringLiteral("speakerCombo"));
    m_speakers->addItem(tr("Loading the voices…"));
    m_speakers->setEnabled(false);
    m_text = new QPlainTextEdit(page);
    m_text->setObjectName(QStringLiteral("speechTextEdit"));
    m_text->setPlaceholderText(tr("What the person says"));
    m_text->setTabChangesFocus(true);
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 4 + 12);
    m_text->setPlainText(m_base.speechText);
    m_textCount = new QLabel(page);
    m_textCount->setObjectName(QStringLiteral("speechBytesLabel"));
    QPalette hint = m_textCount->palette();
    hint.setColor(QPalette::WindowText, ui::hintColor(palette()));
    m_textCount->setPalette(hint);
    auto* voiceLabel = new QLabel(tr("&Voice:"), page);
    voiceLabel->setBuddy(m_speakers);
    auto* row = new QHBoxLayout;
    row->addWidget(voiceLabel);
    row->addWidget(m_speakers, 1);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(24, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_text);
    layout->addWidget(m_textCount);
    connect(m_text, &QPlainTextEdit::textChanged, this, &LipSyncDialog::updateState);
    connect(m_speakers, &QComboBox::currentIndexChanged, this, &LipSyncDialog::updateState);
}

void LipSyncDialog::buildAudioPart(QWidget* page) {
    m_audioEdit = new QLineEdit(page);
    m_audioEdit->setObjectName(QStringLiteral("audioFileEdit"));
    m_audioEdit->setReadOnly(true);
    m_audioEdit->setPlaceholderText(tr("MP3 or WAV, at most 30 s and 50 MB"));
    m_browse = new QPushButton(tr("&Browse…"), page);
    m_browse->setObjectName(QStringLiteral("browseAudioButton"));
    m_audioStatus = new QLabel(page);
    m_audioStatus->setObjectName(QStringLiteral("audioStatusLabel"));
    m_audioStatus->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(m_audioEdit, 1);
    row->addWidget(m_browse);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(24, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_audioStatus);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        if (!m_audioFileProvider)
            return;
        if (const QString path = m_audioFileProvider(this); !path.isEmpty())
            setAudioFile(path);
    });
}

void LipSyncDialog::setSpeakers(const QList<Speaker>& speakers) {
    m_speakers->clear();
    int chosen = 0;
    for (const Speaker& speaker : speakers) {
        if (speaker.id == m_base.speakerId)
            chosen = m_speakers->count();
        m_speakers->addItem(speaker.name.isEmpty() ? speaker.id : speaker.name, speaker.id);
    }
    m_speakers->setCurrentIndex(chosen);
    m_speakers->setEnabled(!speakers.isEmpty());
    m_speakersLoaded = !speakers.isEmpty();
    updateState();
}

void LipSyncDialog::setSource(Source source) {
    (source == Source::Voice ? m_voiceChoice : m_audioChoice)->setChecked(true);
}

LipSyncDialog::Source LipSyncDialog::source() const {
    return m_audioChoice->isChecked() ? Source::AudioFile : Source::Voice;
}

void LipSyncDialog::setAudioFileProvider(AudioFileProvider provider) {
    m_audioFileProvider = std::move(provider);
}

void LipSyncDialog::setAudioFile(const QString& path) {
    setSource(Source::AudioFile);
    m_audioEdit->setText(QDir::toNativeSeparators(path));
    m_audioPath.clear();
    m_audioSeconds = 0;
    m_audioError.clear();
    m_probing = true;
    m_audioStatus->setText(tr("Reading the audio file…"));
    const int generation = ++m_probeGeneration;
    // Reading the file's headers touches the disk: on the thread pool, never here.
    auto* watcher = new QFutureWatcher<MediaProbeResult>(this);
    connect(watcher, &QFutureWatcher<MediaProbeResult>::finished, this,
            [this, watcher, generation, path] {
                const MediaProbeResult result = watcher->result();
                watcher->deleteLater();
                if (generation != m_probeGeneration)
                    return;
                m_probing = false;
                if (!result.facts)
                    m_audioError = result.error;
                else if (const std::optional<QString> refusal =
                             mediaRefusal(*result.facts, MediaUse::LipSyncAudio))
                    m_audioError = *refusal;
                if (m_audioError.isEmpty()) {
                    m_audioPath = path;
                    m_audioSeconds = result.facts->seconds;
                    m_audioStatus->setText(
                        tr("%1 s of audio").arg(QLocale().toString(m_audioSeconds, 'f', 1)));
                } else {
                    m_audioStatus->setText(m_audioError);
                }
                updateState();
                Q_EMIT audioChecked();
            });
    watcher->setFuture(probeMediaAsync(path));
    updateState();
}

GenerationRequest LipSyncDialog::request() const {
    GenerationRequest request = m_base;
    request.mode = GenerationMode::LipSync;
    if (source() == Source::Voice) {
        request.speakerId = m_speakers->currentData().toString();
        request.speechText = m_text->toPlainText().trimmed();
        request.audioPath.clear();
        request.audioSeconds = 0;
    } else {
        request.speakerId.clear();
        request.speechText.clear();
        request.audioPath = m_audioPath;
        request.audioSeconds = m_audioSeconds;
    }
    return request;
}

bool LipSyncDialog::canAccept() const {
    const GenerationRequest r = request();
    const bool inputs = source() == Source::Voice
                            ? m_speakersLoaded && !r.speakerId.isEmpty() && !r.speechText.isEmpty()
                            : !m_probing && !r.audioPath.isEmpty();
    return inputs && ContinuationPrice::of(*m_catalog, r, m_balance).enough;
}

void LipSyncDialog::updateState() {
    const GenerationRequest r = request();
    const qsizetype bytes = r.speechText.toUtf8().size();
    // 4 credits per started 15 bytes of UTF-8 (§2.9): a Russian letter is two bytes.
    m_textCount->setText(tr("UTF-8 bytes: %1").arg(bytes));
    const ContinuationPrice price = ContinuationPrice::of(*m_catalog, r, m_balance);
    const bool incomplete =
        source() == Source::Voice ? r.speechText.isEmpty() : r.audioPath.isEmpty();
    m_cost->setText(incomplete && !price.credits ? tr("Cost: 4 credits per second of audio, or 4 "
                                                      "per 15 bytes of text")
                                                 : price.costText);
    m_balanceLabel->setText(price.balanceText);
    m_balanceLabel->setVisible(!price.balanceText.isEmpty());
    m_ok->setEnabled(canAccept());
}

} // namespace pixverse
