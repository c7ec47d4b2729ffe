#include "core/effects/TemplateListModel.h"

#include "core/effects/TemplateLibrary.h"

#include <QSet>

namespace pixverse {

namespace {

//! Lower case without accents, so "cafe" finds "Café".
QString folded(const QString& text) {
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar ch : decomposed) {
        if (ch.category() != QChar::Mark_NonSpacing)
            out += ch.toCaseFolded();
    }
    return out;
}

} // namespace

TemplateListModel::TemplateListModel(TemplateLibrary* library, QObject* parent)
    : QAbstractListModel(parent)
    , m_library(library) {
    if (library)
        connect(library, &TemplateLibrary::templatesChanged, this, &TemplateListModel::rebuild);
    rebuild();
}

int TemplateListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_shown.size());
}

QVariant TemplateListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() < 0 || index.row() >= m_shown.size())
        return {};
    const EffectTemplate& t = m_all.at(m_shown.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return t.name;
    case Qt::ToolTipRole:
    case PromptRole:
        return t.prompt;
    case IdRole:
        return t.id;
    case CategoryRole:
        return t.category;
    case ImageCountRole:
        return t.imageCount;
    case QualitiesRole:
        return t.qualities;
    case PreviewUrlRole:
        return t.previewUrl;
    case ThumbnailUrlRole:
        return t.thumbnailUrl;
    case NeedsActivationRole:
        return t.needsActivation;
    default:
        return {};
    }
}

QHash<int, QByteArray> TemplateListModel::roleNames() const {
    return {{IdRole, "templateId"},
            {NameRole, "name"},
            {PromptRole, "prompt"},
            {CategoryRole, "category"},
            {ImageCountRole, "imageCount"},
            {QualitiesRole, "qualities"},
            {PreviewUrlRole, "previewUrl"},
            {ThumbnailUrlRole, "thumbnailUrl"},
            {NeedsActivationRole, "needsActivation"}};
}

void TemplateListModel::setSearchText(const QString& text) {
    if (text == m_search)
        return;
    m_search = text;
    rebuild();
}

void TemplateListModel::setCategory(const QString& category) {
    if (category == m_category)
        return;
    m_category = category;
    rebuild();
}

QStringList TemplateListModel::categories() const {
    QSet<QString> seen;
    for (const EffectTemplate& t : m_all) {
        if (!t.category.isEmpty())
            seen.insert(t.category);
    }
    QStringList out(seen.cbegin(), seen.cend());
    out.sort(Qt::CaseInsensitive);
    return out;
}

EffectTemplate TemplateListModel::templateAt(int row) const {
    if (row < 0 || row >= m_shown.size())
        return {};
    return m_all.at(m_shown.at(row));
}

int TemplateListModel::rowOf(qint64 id) const {
    for (int row = 0; row < m_shown.size(); ++row) {
        if (m_all.at(m_shown.at(row)).id == id)
            return row;
    }
    return -1;
}

void TemplateListModel::rebuild() {
    beginResetModel();
    m_all = m_library ? m_library->templates() : QList<EffectTemplate>{};
    m_shown.clear();
    const QStringList words = folded(m_search).split(u' ', Qt::SkipEmptyParts);
    for (int i = 0; i < m_all.size(); ++i) {
        const EffectTemplate& t = m_all.at(i);
        if (!m_category.isEmpty() && t.category != m_category)
            continue;
        const QString haystack = folded(t.name + u' ' + t.prompt + u' ' + t.category);
        bool all = true;
        for (const QString& word : words)
            all = all && haystack.contains(word);
        if (all)
            m_shown << i;
    }
    endResetModel();
}

} // namespace pixverse
