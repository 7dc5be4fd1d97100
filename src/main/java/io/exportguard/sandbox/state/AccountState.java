package io.exportguard.sandbox.state;

import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.state.TaskRecord.ExportPlan;
import io.exportguard.sandbox.state.TaskRecord.PlannedObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything in the simulated account that changes while the sandbox runs: tasks and objects.
 * Time moves tasks forward lazily: every read first settles the tasks whose time is up, so there is
 * no background thread and a test with a fixed clock sees exactly the state it set up.
 */
public final class AccountState {
  private final Scenario scenario;
  private final Clock clock;
  private final Map<String, TaskRecord> tasks = new LinkedHashMap<>();
  private final Map<String, TreeMap<String, ObjectRecord>> objects = new LinkedHashMap<>();
  private final Map<String, SessionKey> sessionKeys = new ConcurrentHashMap<>();
  private long taskCounter;

  public AccountState(Scenario scenario, Clock clock) {
    this.scenario = scenario;
    this.clock = clock;
    for (Scenario.Bucket b : scenario.buckets()) {
      objects.put(b.name(), new TreeMap<>());
    }
    Instant now = clock.instant();
    for (Scenario.StoredObject o : scenario.objects()) {
      objects.get(o.bucket()).put(o.key(), ObjectRecord.declared(o.bucket(), o.key(), o.size(), now));
    }
    Map<String, Scenario.Image> images = new java.util.HashMap<>();
    scenario.images().forEach(i -> images.put(i.id(), i));
    for (Scenario.Task t : scenario.tasks()) {
      Scenario.Image image = images.get(t.imageId());
      ExportPlan plan = t.export() == null ? null
          : ExportPlan.of(image, t.export().bucket(), t.export().prefix(), t.export().format());
      tasks.put(t.id(), new TaskRecord(t.id(), t.action(), t.imageId(), image.region(), t.status(), t.createdAt(), null,
          plan, t.errorCode(), t.errorMessage()));
    }
  }

  public Scenario scenario() {
    return scenario;
  }

  public Instant now() {
    return clock.instant();
  }

  /**
   * The access key with this id: one of the scenario's, or temporary credentials from STS
   * AssumeRole that have not expired (an expired one is simply unknown, as after the service forgets it).
   */
  public Optional<Scenario.AccessKey> accessKey(String id) {
    Optional<Scenario.AccessKey> declared = scenario.accessKey(id);
    if (declared.isPresent()) {
      return declared;
    }
    return sessionKey(id).map(SessionKey::key);
  }

  /** The live STS session behind an access key id, if it is one. */
  public Optional<SessionKey> sessionKey(String id) {
    SessionKey session = sessionKeys.get(id);
    if (session != null && !clock.instant().isBefore(session.expiration())) {
      sessionKeys.remove(id, session);
      return Optional.empty();
    }
    return Optional.ofNullable(session);
  }

  /** Records temporary credentials so later requests signed with them authenticate. */
  public void addSessionKey(SessionKey session) {
    sessionKeys.put(session.key().id(), session);
  }

  /** Creates a Processing export task that finishes after the scenario's {@code behaviour.exportSeconds}. */
  public synchronized TaskRecord startExport(String imageId, String regionId, ExportPlan plan) {
    settle();
    Instant now = clock.instant();
    Instant due = now.plus(Duration.ofMillis(Math.round(scenario.behaviour().exportSeconds() * 1000)));
    String id;
    do {
      id = String.format("t-sbx%015d", ++taskCounter);
    } while (tasks.containsKey(id));
    TaskRecord task = new TaskRecord(id, "ExportImage", imageId, regionId, "Processing", now, due, plan);
    tasks.put(id, task);
    settle();
    return task;
  }

  /** All tasks in creation order, settled to the current time. */
  public synchronized List<TaskRecord> tasks() {
    settle();
    return new ArrayList<>(tasks.values());
  }

  public synchronized Optional<TaskRecord> task(String id) {
    settle();
    return Optional.ofNullable(tasks.get(id));
  }

  /** Cancels an in-progress task; false when it is no longer in progress. */
  public synchronized boolean cancel(TaskRecord task) {
    settle();
    if (!task.inProgress()) {
      return false;
    }
    task.finish("Cancelled", clock.instant());
    return true;
  }

  /** The bucket's objects sorted by key, or empty when the bucket is not in the scenario. */
  public synchronized Optional<List<ObjectRecord>> objects(String bucket) {
    settle();
    TreeMap<String, ObjectRecord> map = objects.get(bucket);
    return map == null ? Optional.empty() : Optional.of(new ArrayList<>(map.values()));
  }

  public synchronized Optional<ObjectRecord> object(String bucket, String key) {
    settle();
    TreeMap<String, ObjectRecord> map = objects.get(bucket);
    return map == null ? Optional.empty() : Optional.ofNullable(map.get(key));
  }

  private void settle() {
    Instant now = clock.instant();
    for (TaskRecord t : tasks.values()) {
      if (t.dueAt() != null && t.inProgress() && !now.isBefore(t.dueAt())) {
        t.finish("Finished", t.dueAt());
        for (PlannedObject o : t.export().objects()) {
          objects.computeIfAbsent(t.export().bucket(), b -> new TreeMap<>()).put(o.key(),
              ObjectRecord.exported(t.export().bucket(), o.key(), o.size(), t.dueAt(),
                  "image " + t.imageId() + ", disk " + o.diskDevice() + ", format " + t.export().format() + ", task " + t.id()));
        }
      }
    }
  }
}
