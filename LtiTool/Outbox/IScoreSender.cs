namespace LtiTool.Outbox;

/// <summary>Posts one outbox row's score to its line item (AGS 2.0 §3.4), exactly the stored payload, and classifies the answer.</summary>
public interface IScoreSender
{
    Task<SendResult> SendAsync(OutboxRow row, CancellationToken cancellationToken);
}
