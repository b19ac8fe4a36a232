#pragma once

#include <QStyledItemDelegate>

namespace lanyard {

// Edits a cell as a drop-down list: the labels come from the model under `choicesRole`, the
// cell's Qt::EditRole holds the chosen position.
class ChoiceDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    ChoiceDelegate(int choicesRole, QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    int m_choicesRole;
};

} // namespace lanyard
