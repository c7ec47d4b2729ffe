#pragma once

#include "core/api/ApiTypes.h"
#include "core/generation/GenerationRequest.h"

#include <QDialog>
#include <QList>

#include <functional>
#include <optional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QToolButton;

namespace pixverse {

class ModelCatalog;

//! "Lip sync…" on a finished take (§2.18): the person in the video speaks either an audio file
//! (browsed, probed off the GUI thread, refused with MediaCheck's sentence; 4 credits a second) or
//! a text with one of the speaker list's voices (4 credits per 15 bytes, priced as it is typed).
//! request() is the job to queue once accepted.
class LipSyncDialog : public QDialog {
    Q_OBJECT
public:
    enum class Source { Voice, AudioFile };

    //! Asks for an audio file; empty when the creator cancels (default: QFileDialog).
    using AudioFileProvider = std::function<QString(QWidget* parent)>;

    //! `base` is the continuation of the take (JobLibrary::continuation(take, LipSync)).
    LipSyncDialog(const GenerationRequest& base, const ModelCatalog* catalog,
                  std::optional<qint64> balance, QWidget* parent = nullptr);

    //! Fills the voice list (Backend::fetchSpeakers, or its system voices when that failed).
    void setSpeakers(const QList<Speaker>& speakers);
    bool hasSpeakers() const { return m_speakersLoaded; }
    void setSource(Source source);
    Source source() const;
    //! Uses `path` as the audio: probed on the thread pool; audioChecked() when it is known.
    void setAudioFile(const QString& path);
    void setAudioFileProvider(AudioFileProvider provider);
    //! Why the chosen audio file cannot be used; empty when it can (or none is chosen).
    QString audioError() const { return m_audioError; }
    //! Whether the inputs are complete and allowed (what the OK button says).
    bool canAccept() const;

    GenerationRequest request() const;

Q_SIGNALS:
    //! The audio file given to setAudioFile() was read (or refused: audioError()).
    void audioChecked();

private:
    void buildVoicePart(QWidget* page);
    void buildAudioPart(QWidget* page);
    void updateState();

    GenerationRequest m_base;
    const ModelCatalog* m_catalog;
    std::optional<qint64> m_balance;
    AudioFileProvider m_audioFileProvider;
    bool m_speakersLoaded = false;
    QString m_audioPath; //!< accepted by the probe
    double m_audioSeconds = 0;
    QString m_audioError;
    bool m_probing = false;
    int m_probeGeneration = 0; //!< a later file wins over an earlier probe still running

    QRadioButton* m_voiceChoice = nullptr;
    QRadioButton* m_audioChoice = nullptr;
    QComboBox* m_speakers = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_textCount = nullptr;
    QLineEdit* m_audioEdit = nullptr;
    QPushButton* m_browse = nullptr;
    QLabel* m_audioStatus = nullptr;
    QLabel* m_cost = nullptr;
    QLabel* m_balanceLabel = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace pixverse
