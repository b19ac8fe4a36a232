#pragma once

#include "OperatorSessionController.h"
#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QLabel>
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

// A named child widget, or a recorded failure of the running test function (null then). For
// tests that started daemons: qFatal would leave them running; this lets the cleanup stop them.
template <typename T>
T* namedChild(QWidget* parent, const char* name)
{
    T* w = parent ? parent->findChild<T*>(QLatin1String(name)) : nullptr;
    if (!w)
        QTest::qFail(qPrintable(QStringLiteral("no %1").arg(QLatin1String(name))), __FILE__, __LINE__);
    return w;
}

// The text of a named label, or empty with the failure recorded as namedChild does.
inline QString labelText(QWidget* parent, const char* name)
{
    auto* label = namedChild<QLabel>(parent, name);
    return label ? label->text() : QString();
}

} // namespace lanyard::test
