#pragma once

#include "core/generation/GenerationRequest.h"
#include "ui/DropSlot.h"

#include <QList>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace pixverse {

class ImageDropZone;

//! Reference to video's references (issue 17, §2.15): subjects and backgrounds, each an image
//! (dropped, pasted or browsed, checked like every other slot) with a short name the prompt
//! calls it by (`@name`). Names are checked as they are typed (a usable name, not taken by
//! another reference); the add buttons stop at the model's limits, their tooltip saying why.
class ReferencesStrip : public QWidget {
    Q_OBJECT
public:
    //! Why one more reference of `added`'s kind cannot join those `present` (the catalog's
    //! sentence); empty: it can.
    using LimitCheck = std::function<std::optional<QString>(
        const QList<RequestImage::Role>& present, RequestImage::Role added)>;

    explicit ReferencesStrip(QWidget* parent = nullptr);
    ~ReferencesStrip() override;

    //! The references whose image passed its check, in order, with their names as typed.
    QList<RequestImage> references() const;
    //! Replaces every reference (a reused job's); each image is checked again.
    void setReferences(const QList<RequestImage>& references);
    //! How many references there are, images or not.
    int count() const { return m_cards.size(); }
    //! Adds an empty reference of `role` named after the first free "subjectN" / "backgroundN"
    //! and opens `path` in it when given; false at the model's limit.
    bool addReference(RequestImage::Role role, const QString& path = {});
    //! The clipboard's image as a new subject; false when it holds none or the limit is reached.
    bool paste();
    //! An image of a reference is still being checked.
    bool isBusy() const;

    void setLimitCheck(LimitCheck check);
    //! Asks the limit check again (the model changed).
    void updateLimits();
    //! Replaces the file dialog of every reference (tests).
    void setFileProvider(DropSlot::FileProvider provider);

Q_SIGNALS:
    //! An image, a name, an added or removed reference.
    void referencesChanged();
    void busyChanged(bool busy);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct Card {
        QWidget* frame = nullptr;
        RequestImage::Role role = RequestImage::Role::Subject;
        ImageDropZone* zone = nullptr;
        QLineEdit* name = nullptr;
        QLabel* problem = nullptr;
    };

    Card& addCard(RequestImage::Role role, const QString& name);
    void removeCard(QWidget* frame);
    //! "subject3": the first number no reference of that kind uses.
    QString freeName(RequestImage::Role role) const;
    //! Marks every name that is not usable or is taken, with the reason.
    void checkNames();
    void onChanged();
    std::optional<QString> whyNotAdd(RequestImage::Role role) const;

    LimitCheck m_limitCheck;
    DropSlot::FileProvider m_fileProvider;
    QList<Card> m_cards;
    QVBoxLayout* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_addSubject = nullptr;
    QPushButton* m_addBackground = nullptr;
    bool m_lastBusy = false;
};

} // namespace pixverse
