#include "ProfileRightsModel.h"

namespace lanyard {

void ProfileRightsModel::setRights(const QList<Role>& roles, const QList<ProfileRoleRights>& rights)
{
    beginResetModel();
    m_rows.clear();
    for (const Role& role : roles) {
        ProfileRoleRights row;
        for (const ProfileRoleRights& r : rights) {
            if (r.roleId == role.id)
                row = r;
        }
        row.roleId = role.id;
        row.roleName = role.name;
        m_rows.append(row);
    }
    endResetModel();
}

QList<ProfileRoleRights> ProfileRightsModel::rights() const
{
    QList<ProfileRoleRights> out;
    for (const ProfileRoleRights& r : m_rows) {
        if (r.canRequest || r.canReceive || r.canCollect || r.canValidate || r.canUnlock)
            out.append(r);
    }
    return out;
}

int ProfileRightsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProfileRightsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ProfileRoleRights::*ProfileRightsModel::member(int column)
{
    switch (column) {
    case CanRequest:
        return &ProfileRoleRights::canRequest;
    case CanReceive:
        return &ProfileRoleRights::canReceive;
    case CanCollect:
        return &ProfileRoleRights::canCollect;
    case CanValidate:
        return &ProfileRoleRights::canValidate;
    case CanUnlock:
        return &ProfileRoleRights::canUnlock;
    default:
        return nullptr;
    }
}

QVariant ProfileRightsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProfileRoleRights& r = m_rows.at(index.row());
    if (index.column() == RoleName)
        return role == Qt::DisplayRole ? QVariant(r.roleName) : QVariant();
    if (role == Qt::CheckStateRole)
        return r.*member(index.column()) ? Qt::Checked : Qt::Unchecked;
    return {};
}

bool ProfileRightsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    bool ProfileRoleRights::*right = member(index.column());
    if (!right)
        return false;
    m_rows[index.row()].*right = value.toInt() == Qt::Checked;
    Q_EMIT dataChanged(index, index, { Qt::CheckStateRole });
    Q_EMIT edited();
    return true;
}

Qt::ItemFlags ProfileRightsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == RoleName)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

QVariant ProfileRightsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RoleName:
        return tr("Role");
    case CanRequest:
        return tr("Can Request");
    case CanReceive:
        return tr("Can Receive");
    case CanCollect:
        return tr("Can Collect");
    case CanValidate:
        return tr("Can Validate");
    case CanUnlock:
        return tr("Can Unlock");
    default:
        return {};
    }
}

} // namespace lanyard
