#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QPushButton;

namespace pixverse {

//! The composer's "chosen effect" (issue 17): the template's still and name, what it needs (how
//! many images, the qualities it allows, whether it must be activated first) and Change…, which
//! opens the effects. Without a template it says to choose one.
class ChosenEffectBox : public QFrame {
    Q_OBJECT
public:
    explicit ChosenEffectBox(QWidget* parent = nullptr);
    ~ChosenEffectBox() override;

    //! `templateId` 0: none chosen. `qualities` empty: the model's.
    void showEffect(qint64 templateId, const QString& name, int imageCount,
                    const QStringList& qualities, bool needsActivation);
    //! The still, read off the GUI thread; empty: none shown.
    void setStillFile(const QString& file);
    qint64 templateId() const { return m_templateId; }
    //! What the box says the effect needs ("Takes 2 images · up to 540p").
    QString needsText() const;

Q_SIGNALS:
    //! Change… (or Choose…): the effects should be shown.
    void changeRequested();

private:
    qint64 m_templateId = 0;
    quint64 m_stillTicket = 0;
    QLabel* m_still = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_needs = nullptr;
    QPushButton* m_change = nullptr;
};

} // namespace pixverse
