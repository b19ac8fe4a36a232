#pragma once

#include "engine/CredentialProfile.h"
#include "engine/Role.h"

#include <QAbstractTableModel>

namespace lanyard {

// A profile's role matrix: one row per role, one checkable column per right.
class ProfileRightsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RoleName, CanRequest, CanReceive, CanCollect, CanValidate, CanUnlock, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRights(const QList<Role>& roles, const QList<ProfileRoleRights>& rights);
    // The roles with at least one right.
    QList<ProfileRoleRights> rights() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void edited();

private:
    // The right a column edits; null for the role name column.
    static bool ProfileRoleRights::*member(int column);

    QList<ProfileRoleRights> m_rows;
};

} // namespace lanyard
