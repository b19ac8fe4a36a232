#pragma once

#include "OperatorSessionController.h"
#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QTest>
#include <QSignalSpy>
#include <QWidget>

#include <memory>

namespace lanyard::test {

// A logged-on operator session for building windows; a test cannot go on without one.
inline std::unique_ptr<OperatorSessionController> logOn(Engine& engine, const QString& logonName, const QString& password)
{
    auto c = std::make_unique<OperatorSessionController>(engine);
    QSignalSpy done(c.get(), &OperatorSessionController::loggedOn);
    c->logon(logonName, password);
    if (!done.wait(30000))
        qFatal("logon of %s did not finish", qPrintable(logonName));
    return c;
}

// Saves a PNG of the widget under screenshots/ in the working folder (the build tree under
// CTest), for a reviewer to look at.
inline bool saveScreenshot(QWidget* w, const QString& name)
{
    const QString dir = QDir::current().filePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    return w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// The first visible child of this type (and name, if given) to appear, such as a dialog a
// button opened; a test cannot go on without it.
template <typename T>
T* waitForVisible(QWidget* parent, const QString& name = {})
{
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        for (T* found : parent->findChildren<T*>(name))
            if (found->isVisible())
                return found;
        QTest::qWait(20);
    }
    qFatal("no visible %s appeared", T::staticMetaObject.className());
}

// A named child widget; a test cannot go on without it.
template <typename T>
T* child(QWidget* parent, const char* name)
{
    T* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

} // namespace lanyard::test
