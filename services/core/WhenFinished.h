#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace lanyard {

// Calls fn(result) on context's thread when the future finishes, unless context has been
// destroyed by then. (QFuture::then(context, ...) in Qt 6.4 asserts when the context dies
// first, which a closed window or a page replaced mid-request does all the time.) The
// watcher is a child of context, so it goes with it.
template <typename T, typename F>
void whenFinished(QFuture<T> future, QObject* context, F fn)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, fn = std::move(fn)]() mutable {
        watcher->deleteLater();
        // A copy, not takeResult(): another watcher of the same future may still want it.
        if (watcher->future().resultCount() > 0)
            fn(watcher->future().result());
    });
    watcher->setFuture(std::move(future));
}

} // namespace lanyard
