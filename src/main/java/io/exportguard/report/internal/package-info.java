/** Escaping and counting helpers shared by the report writers; not for callers outside report/. */
package io.exportguard.report.internal;
