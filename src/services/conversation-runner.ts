/**
 * Runs the conversation for one person: reads their state, hands the event to the pure engine,
 * writes the state back, and executes the effects the engine asks for until none are left. The
 * caller (the bot) only delivers each result; nothing here knows about Teams or botbuilder.
 */
import type { Logger } from 'pino';
import { handleEvent } from '../conversation/engine.js';
import { contextOf } from '../conversation/text-routes.js';
import type {
  ConversationEvent,
  TurnContextData,
  TurnResult,
  UserState,
} from '../conversation/types.js';
import { andThen } from '../jobs/awaitable.js';
import type { Awaitable } from '../jobs/job-queue.js';
import { isETagConflict } from '../store/sqlite-storage.js';
import type { Origin } from './claim-outbox.js';
import type { EffectRunner } from './effect-runner.js';
import type { MessageDecider } from './model-understanding.js';
import { KeyedLock } from './keyed-lock.js';

/** Orders one person's turns across processes (PostgreSQL's advisory lock); one process needs none. */
export interface TurnLock {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/**
 * The part of a key-value store with eTags that state needs (botbuilder's Storage fits).
 * `inTx` runs inside the write's transaction (`Tx`, the store's handle): the outbox job a turn
 * asks for and the mark that its activity was handled commit with its state or not at all.
 */
export interface StateStore<Tx = never> {
  read(keys: string[]): Promise<Record<string, unknown>>;
  write(changes: Record<string, unknown>, inTx?: (tx: Tx) => Awaitable<void>): Promise<void>;
}

/**
 * Records, inside a state write's transaction, what the turn asked for (the outbox). On SQLite it
 * answers synchronously (its transaction commits when the callback returns), on PostgreSQL with a
 * promise the write awaits before its commit.
 */
export interface TurnRecorder<Tx> {
  record(tx: Tx, turn: RecordedTurn): Awaitable<void>;
  /** The turn has delivered the step's result to the user (who was waiting for it). */
  delivered?(turn: RecordedTurn): Promise<void>;
}

/** One step of a person's conversation as it commits: the event, what came of it, and from where. */
export interface RecordedTurn {
  employeeId: string;
  event: ConversationEvent;
  result: TurnResult;
  origin?: Origin;
  /** Nobody waits for this turn (the outbox worker): what it says is sent by the notification jobs. */
  announce?: boolean;
}

/** The replay guard's mark, made in the transaction of the turn's first state write. */
export interface ReplayGuard<Tx> {
  claimIn(tx: Tx, key: string): Awaitable<boolean>;
}

/** Thrown when another copy of the activity committed first: the turn is dropped unseen. */
export class ReplayedActivityError extends Error {
  override name = 'ReplayedActivityError';
}

export interface RunOptions {
  /** The activity's replay key: marked handled when its first state write commits. */
  activityKey?: string;
  /** Where the turn came from (the bot's conversation reference), kept with an outbox job. */
  origin?: Origin;
  /** Nobody waits for this turn: what it says is queued as notifications with its state. */
  announce?: boolean;
}

interface StoredUser {
  state: UserState;
  eTag?: string;
}

const MAX_STATE_RETRIES = 5;

export class ConversationRunner<Tx = never> {
  private readonly lock = new KeyedLock();

  constructor(
    private readonly deps: {
      storage: StateStore<Tx>;
      effects: EffectRunner;
      outbox?: TurnRecorder<Tx>;
      replay?: ReplayGuard<Tx>;
      logger: Logger;
      /** Decides typed messages the offline reading is unsure of (a language model); optional. */
      understanding?: MessageDecider;
      /** Held around each person's turn with the in-process lock, when instances share a database. */
      turnLock?: TurnLock;
    },
  ) {}

  /** One person at a time: in this process, and across processes when a turn lock is given. */
  private exclusive<T>(employeeId: string, work: () => Promise<T>): Promise<T> {
    const { turnLock } = this.deps;
    return this.lock.run(employeeId, () =>
      turnLock ? turnLock.run(`users/${employeeId}`, work) : work(),
    );
  }

  /** One event, no effects: for an answer that must go out before slow work starts. */
  stepOnce(
    employeeId: string,
    event: ConversationEvent,
    facts: TurnContextData,
    options: RunOptions = {},
  ) {
    return this.exclusive(employeeId, () => this.step(employeeId, event, facts, options));
  }

  /**
   * Runs events and the effects they ask for, one person at a time. `deliver` gets each result
   * before its effects run, so the user sees "Sending…" before the claims API answers.
   */
  run(
    employeeId: string,
    facts: TurnContextData,
    events: ConversationEvent[],
    deliver: (result: TurnResult) => Promise<void>,
    options: RunOptions = {},
  ): Promise<void> {
    return this.exclusive(employeeId, async () => {
      const pending = [...events];
      // The activity is marked with the first write only; the steps after it are its effects.
      let stepOptions = options;
      const { activityKey: _marked, ...afterFirst } = options;
      for (let next = pending.shift(); next; next = pending.shift()) {
        const result = await this.step(employeeId, next, facts, stepOptions);
        stepOptions = afterFirst;
        await deliver(result);
        if (!options.announce)
          await this.deps.outbox?.delivered?.({
            employeeId,
            event: next,
            result,
            ...(options.origin ? { origin: options.origin } : {}),
          });
        for (const effect of result.effects)
          pending.push(await this.deps.effects.run(employeeId, effect));
      }
    });
  }

  /** Reads state, runs the engine, writes state back; on an eTag conflict re-reads and re-runs. */
  private async step(
    employeeId: string,
    event: ConversationEvent,
    facts: TurnContextData,
    options: RunOptions,
  ): Promise<TurnResult> {
    const key = `users/${employeeId}`;
    let decided: ConversationEvent | undefined;
    for (let attempt = 1; ; attempt++) {
      const found = (await this.deps.storage.read([key]))[key] as StoredUser | undefined;
      const state = found?.state ?? {};
      // The model is asked once per message, in the context of the first read.
      decided ??= await this.decide(event, state, facts);
      const result = handleEvent(state, decided, facts);
      try {
        await this.deps.storage.write(
          { [key]: { state: result.state, eTag: found?.eTag ?? '*' } },
          (tx) => this.record(tx, employeeId, decided ?? event, result, options),
        );
        return result;
      } catch (err) {
        if (!isETagConflict(err) || attempt >= MAX_STATE_RETRIES) throw err;
        this.deps.logger.debug({ attempt }, 'state write conflict, retrying the turn');
      }
    }
  }

  /** What commits with the state: the replay mark, the outbox job or its outcome. */
  private record(
    tx: Tx,
    employeeId: string,
    event: ConversationEvent,
    result: TurnResult,
    options: RunOptions,
  ): Awaitable<void> {
    const { replay, outbox } = this.deps;
    const { activityKey } = options;
    // Synchronous while the steps are (SQLite), so all of it runs before the commit.
    const claimed = activityKey && replay ? replay.claimIn(tx, activityKey) : true;
    return andThen(claimed, (first) => {
      if (!first) throw new ReplayedActivityError(`activity ${activityKey} was handled already`);
      return outbox?.record(tx, {
        employeeId,
        event,
        result,
        ...(options.origin ? { origin: options.origin } : {}),
        ...(options.announce ? { announce: true } : {}),
      });
    });
  }

  /** A typed message the offline reading is unsure of, with the model's reading when it has one. */
  private async decide(
    event: ConversationEvent,
    state: UserState,
    facts: TurnContextData,
  ): Promise<ConversationEvent> {
    const { understanding } = this.deps;
    if (event.type !== 'text' || event.understood || !understanding) return event;
    const understood = await understanding.decide(event.text, contextOf(state, facts.today));
    return understood ? { ...event, understood } : event;
  }
}
