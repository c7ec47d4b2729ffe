#pragma once

#include "core/api/ApiTypes.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QStringList>

namespace pixverse {

class TemplateLibrary;

//! The templates a browser shows: the library's list filtered by a search text (name, prompt,
//! category; case- and accent-insensitive) and a category.
class TemplateListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, //!< qint64
        NameRole,                  //!< also Qt::DisplayRole
        PromptRole,
        CategoryRole,
        ImageCountRole, //!< int
        QualitiesRole,  //!< QStringList (empty: the model's)
        PreviewUrlRole,
        ThumbnailUrlRole,
        NeedsActivationRole, //!< bool
    };

    explicit TemplateListModel(TemplateLibrary* library, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setSearchText(const QString& text);
    QString searchText() const { return m_search; }
    //! Empty: every category.
    void setCategory(const QString& category);
    QString category() const { return m_category; }
    //! The categories the list has, sorted; empty when the service gives none.
    QStringList categories() const;
    EffectTemplate templateAt(int row) const;
    //! The row of `id` among those shown; -1 when filtered out or unknown.
    int rowOf(qint64 id) const;

private:
    void rebuild();

    QPointer<TemplateLibrary> m_library;
    QList<EffectTemplate> m_all;
    QList<int> m_shown; //!< indexes into m_all
    QString m_search;
    QString m_category;
};

} // namespace pixverse
