#pragma once

#include "core/generation/GenerationRequest.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pixverse {

class ModelCatalog;

//! "Sound effect…" on a finished take (§2.17): an optional description of what to hear, whether
//! to keep the video's own sound, and the price with the balance after it. request() is the job
//! to queue once accepted.
class SoundEffectDialog : public QDialog {
    Q_OBJECT
public:
    //! `base` is the continuation of the take (JobLibrary::continuation(take, SoundEffect)).
    SoundEffectDialog(const GenerationRequest& base, const ModelCatalog* catalog,
                      std::optional<qint64> balance, QWidget* parent = nullptr);

    GenerationRequest request() const;

private:
    void updatePrice();

    GenerationRequest m_base;
    const ModelCatalog* m_catalog;
    std::optional<qint64> m_balance;
    QLineEdit* m_description = nullptr;
    QCheckBox* m_keepOriginal = nullptr;
    QLabel* m_cost = nullptr;
    QLabel* m_balanceLabel = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace pixverse
