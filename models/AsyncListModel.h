#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "core/WhenFinished.h"

#include <QAbstractTableModel>
#include <QFuture>

namespace lanyard {

// Base of the list models: loads rows from an engine call without blocking, shows only the
// answer to the latest request (an older answer arriving late is dropped), and reports
// loading state and errors.
class AsyncListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded();
    void failed(const lanyard::Error& error);

protected:
    // Replaces the rows with what `apply` makes of the answer.
    template <typename T, typename Apply>
    void track(QFuture<Result<T>> future, Apply apply)
    {
        const int generation = ++m_generation;
        setLoading(true);
        whenFinished(future, this, [this, generation, apply](Result<T> result) {
            if (generation != m_generation)
                return;
            setLoading(false);
            if (!result) {
                Q_EMIT failed(result.error());
                return;
            }
            beginResetModel();
            apply(std::move(result).value());
            endResetModel();
            Q_EMIT loaded();
        });
    }
    void cancelPending()
    {
        ++m_generation;
        setLoading(false);
    }
    int generation() const { return m_generation; }
    void setLoading(bool loading)
    {
        if (m_loading == loading)
            return;
        m_loading = loading;
        Q_EMIT loadingChanged(loading);
    }

private:
    int m_generation = 0;
    bool m_loading = false;
};

} // namespace lanyard
