namespace BuildingBlocks.Application.Persistence;

/// <summary>
/// A rule "no two records share this key" left to the database's unique index instead of a query
/// before the write: the write goes out at once, and the index refuses a key that is taken, with no
/// window between a check and the insert (issue 13: one query and one round trip less per
/// registration). A command handler adds or changes its record, then says here how a refusal is
/// told to the caller. When the unit of work's save breaks that index, the unit of work rolls its
/// transaction back and throws what the explanation returns — typically a
/// <see cref="Exceptions.ConflictException"/> pointing at the record that holds the key, which the
/// explanation reads after the rollback. An explanation returns null when the key it guards is not
/// the one taken (a command writing several records of one index registers one per record); with
/// no explanation the database's refusal goes on as a plain 409.
/// </summary>
/// <remarks>
/// Only a command's own unit of work explains: inside an inbox message's unit of work the refused
/// write aborts the message's transaction, and the inbox retries or parks it as any failure.
/// Keep a query first where its answer is needed for something else than the refusal (an import
/// records the person already holding a CIN on its line).
/// </remarks>
public interface IUniqueKeys
{
    /// <param name="index">The unique index's name in the database (<c>ix_partners_name_key</c>).</param>
    /// <param name="explain">Reads what holds the key and builds the exception to throw; null when its key is free.</param>
    void Explain(string index, Func<CancellationToken, Task<Exception?>> explain);
}
