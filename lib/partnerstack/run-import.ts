import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { backfillRewards } from "./backfill-rewards";
import { DISCONNECTED } from "./connection";
import { IMPORT_RESOURCES, PAGE_TRANSACTION, RULES_STEP, type Resource } from "./import-resources";
import type { partnerStackClient } from "./partnerstack-client";
import { metrics } from "../observability/metrics.mjs";

/** How long a running import holds its program's import without a page stored. */
export const IMPORT_LEASE_MS = 30_000;

type Client = ReturnType<typeof partnerStackClient>;

export interface StepProgress {
  resource: string;
  fetched: number;
  stored: number;
  skipped: number;
  done: boolean;
  elapsedMs: number;
}

/** The import was stopped from outside (its program disconnected): its page is not stored. */
export class ImportStoppedError extends Error {
  constructor() {
    super(DISCONNECTED);
  }
}

/** The process is stopping: the import paused after its last stored page, its lease released. */
export class ImportPausedError extends Error {
  constructor() {
    super("The server is stopping: the import continues in the next process.");
  }
}

export class ImportBusyError extends Error {
  constructor(readonly lockedUntil: Date) {
    super("Another import of this program is running.");
  }
}

/**
 * The program's import to run: its last one when that did not finish (a resumed import keeps its
 * checkpoints), else a new one with a step per resource (and one for the rules, when asked).
 * Either way one audit entry says who started it.
 */
export async function startOrResumeImport(
  prisma: PrismaClient,
  programId: number,
  options: { baseUrl: string; rerunRules: boolean; actor: AuditActor },
): Promise<{ importId: number; resumed: boolean }> {
  const { actor } = options;
  return prisma.$transaction(async (tx) => {
    const last = await tx.partnerStackImport.findFirst({
      where: { programId },
      orderBy: { id: "desc" },
    });
    let started: { importId: number; resumed: boolean };
    if (last && last.status !== "done") {
      await tx.partnerStackImport.update({
        where: { programId_id: { programId, id: last.id } },
        data: { status: "running", error: null, finishedAt: null },
      });
      started = { importId: last.id, resumed: true };
    } else {
      const steps = [
        ...IMPORT_RESOURCES.map((r) => r.name),
        ...(options.rerunRules ? [RULES_STEP] : []),
      ];
      const created = await tx.partnerStackImport.create({
        data: {
          programId,
          baseUrl: options.baseUrl,
          rerunRules: options.rerunRules,
          requestedBy: "id" in actor ? actor.id : null,
          steps: { create: steps.map((resource) => ({ resource })) },
        },
      });
      started = { importId: created.id, resumed: false };
    }
    await recordAudit(tx, {
      programId,
      actor,
      kind: "partnerstack.import_started",
      summary: started.resumed
        ? `Resumed PartnerStack import ${started.importId}`
        : `Started PartnerStack import ${started.importId} from ${options.baseUrl}`,
      details: {
        importId: started.importId,
        resumed: started.resumed,
        baseUrl: options.baseUrl,
        rerunRules: options.rerunRules,
      },
    });
    return started;
  });
}

/** Takes the import for this process, or throws ImportBusyError while another holds it. */
async function claim(prisma: PrismaClient, programId: number, importId: number, leaseMs: number) {
  const now = new Date();
  const claimed = await prisma.partnerStackImport.updateMany({
    where: {
      programId,
      id: importId,
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
    data: { lockedUntil: new Date(now.getTime() + leaseMs), status: "running" },
  });
  if (claimed.count === 0) {
    const run = await prisma.partnerStackImport.findUniqueOrThrow({
      where: { programId_id: { programId, id: importId } },
    });
    throw new ImportBusyError(run.lockedUntil ?? now);
  }
}

/** This process's import metrics: the records a page stored and skipped. */
function countRecords(resource: string, page: { stored: number; skipped: number }) {
  const { importRecords } = metrics();
  importRecords.inc({ resource, outcome: "stored" }, page.stored);
  importRecords.inc({ resource, outcome: "skipped" }, page.skipped);
}

export async function importProgress(prisma: PrismaClient, programId: number, importId: number) {
  const steps = await prisma.partnerStackImportStep.findMany({ where: { programId, importId } });
  const order = [...IMPORT_RESOURCES.map((r) => r.name), RULES_STEP];
  return steps
    .sort((a, b) => order.indexOf(a.resource) - order.indexOf(b.resource))
    .map((s): StepProgress => ({
      resource: s.resource,
      fetched: s.fetched,
      stored: s.stored,
      skipped: s.skipped,
      done: s.done,
      elapsedMs: s.elapsedMs,
    }));
}

/**
 * Runs (or continues) an import: each resource from its checkpoint, every page stored in one
 * transaction with the checkpoint after it, so a run stopped anywhere resumes exactly there.
 * Failures mark the import failed (resumable) and are thrown. Once `signal` aborts (the process
 * is stopping) it pauses after the page it is storing: the import stays running, its lease is
 * released for the next process, and ImportPausedError is thrown.
 */
export async function runImport(
  prisma: PrismaClient,
  programId: number,
  importId: number,
  client: Client,
  options: {
    onProgress?: (step: StepProgress) => void | Promise<void>;
    leaseMs?: number;
    signal?: AbortSignal;
  } = {},
): Promise<StepProgress[]> {
  const leaseMs = options.leaseMs ?? IMPORT_LEASE_MS;
  await claim(prisma, programId, importId, leaseMs);
  const program = await prisma.program.findUniqueOrThrow({
    where: { id: programId },
    select: { id: true, currency: true },
  });
  const where = (resource: string) => ({
    programId_importId_resource: { programId, importId, resource },
  });
  /**
   * A page's checkpoint, in the page's transaction and in one statement: the step's cursor and
   * counts, and the lease renewed. An import stopped meanwhile (disconnected) holds no lease, so
   * nothing is updated and it ends here.
   */
  const checkpoint = async (
    tx: Prisma.TransactionClient,
    resource: string,
    cursor: string | undefined,
    page: { fetched: number; stored: number; skipped: number; elapsedMs: number },
    at: Date,
  ) => {
    const [saved] = await tx.$queryRaw<StepProgress[]>`
      WITH held AS (
        UPDATE partnerstack_imports SET locked_until = ${new Date(at.getTime() + leaseMs)}
        WHERE program_id = ${programId} AND id = ${importId} AND status = 'running'
        RETURNING id
      )
      UPDATE partnerstack_import_steps s
      SET cursor = ${cursor ?? null}, fetched = s.fetched + ${page.fetched},
          stored = s.stored + ${page.stored}, skipped = s.skipped + ${page.skipped},
          elapsed_ms = s.elapsed_ms + ${page.elapsedMs}, updated_at = ${at}
      FROM held
      WHERE s.program_id = ${programId} AND s.import_id = held.id AND s.resource = ${resource}
      RETURNING s.resource, s.fetched, s.stored, s.skipped, s.done, s.elapsed_ms AS "elapsedMs"`;
    if (!saved) throw new ImportStoppedError();
    return saved;
  };
  try {
    const steps = await prisma.partnerStackImportStep.findMany({ where: { programId, importId } });
    const byName = new Map(steps.map((s) => [s.resource, s]));
    for (const resource of IMPORT_RESOURCES as readonly Resource[]) {
      const step = byName.get(resource.name);
      if (!step || step.done) continue;
      let mark = Date.now();
      await client.listAll(resource.path, resource.item, {
        after: step.cursor ?? undefined,
        query: resource.query,
        onPage: async (items, cursor) => {
          const { saved, page } = await prisma.$transaction(async (tx) => {
            // A page does not wait for its commit to reach the disk (2–3 ms a page here): a
            // database crash may lose the last pages committed (< 1 s), checkpoint included, so
            // the import resumes before them — nothing half-stored, nothing twice.
            await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
            const page = await resource.store(tx, program, items);
            const now = Date.now();
            const counts = { ...page, fetched: items.length, elapsedMs: now - mark };
            const updated = await checkpoint(tx, resource.name, cursor, counts, new Date(now));
            mark = now;
            return { saved: updated, page };
          }, PAGE_TRANSACTION);
          countRecords(resource.name, page);
          await options.onProgress?.(saved);
          if (options.signal?.aborted) throw new ImportPausedError();
        },
      });
      const finished = await prisma.partnerStackImportStep.update({
        where: where(resource.name),
        data: { done: true, updatedAt: new Date() },
      });
      if (resource.lookedUp && finished.stored > 0) {
        await prisma.$executeRaw`ANALYZE ${Prisma.raw(resource.lookedUp)}`;
      }
      await options.onProgress?.(finished);
    }
    const rules = byName.get(RULES_STEP);
    if (rules && !rules.done) {
      let mark = Date.now();
      await backfillRewards(
        prisma,
        program,
        BigInt(rules.cursor ?? "0"),
        async (tx, lastId, seen, rewarded) => {
          // Thrown inside the batch's transaction: the batch and its checkpoint roll back together.
          if (options.signal?.aborted) throw new ImportPausedError();
          const now = Date.now();
          const counts = { fetched: seen, stored: rewarded, skipped: 0, elapsedMs: now - mark };
          const saved = await checkpoint(tx, RULES_STEP, lastId.toString(), counts, new Date(now));
          mark = now;
          await options.onProgress?.(saved);
        },
      );
      // Not inside `onProgress?.(…)`: an optional call skips evaluating its arguments.
      const finished = await prisma.partnerStackImportStep.update({
        where: where(RULES_STEP),
        data: { done: true, updatedAt: new Date() },
      });
      await options.onProgress?.(finished);
    }
    await prisma.partnerStackImport.update({
      where: { programId_id: { programId, id: importId } },
      data: { status: "done", finishedAt: new Date(), lockedUntil: null, error: null },
    });
    // A large import changes the tables' shape: fresh statistics, as after seeding (partnerships,
    // customers and actions were analyzed as their steps finished).
    await prisma.$executeRaw`ANALYZE rewards`;
    return importProgress(prisma, programId, importId);
  } catch (error) {
    if (error instanceof ImportPausedError) {
      await prisma.partnerStackImport.updateMany({
        where: { programId, id: importId, status: "running" },
        data: { lockedUntil: null },
      });
      throw error;
    }
    await prisma.partnerStackImport.updateMany({
      where: { programId, id: importId, status: "running" },
      data: {
        status: "failed",
        error: error instanceof Error ? error.message : String(error),
        lockedUntil: null,
      },
    });
    throw error;
  }
}
