namespace BuildingBlocks.Domain;

/// <summary>A broken business rule; the API answers 422 with the rule's code and message.</summary>
public sealed class BusinessRuleException : Exception
{
    public BusinessRuleException(IBusinessRule rule)
        : this(rule?.Code ?? throw new ArgumentNullException(nameof(rule)), rule.Message)
    {
    }

    public BusinessRuleException(string code, LocalizedText text)
        : base(text?.En ?? throw new ArgumentNullException(nameof(text)))
    {
        Code = code;
        Text = text;
    }

    public BusinessRuleException()
        : this("business-rule", new LocalizedText("A business rule was broken.", "Une règle métier n'est pas respectée.", "لم يتم احترام قاعدة من قواعد التدبير."))
    {
    }

    public BusinessRuleException(string message)
        : this("business-rule", new LocalizedText(message, message, message))
    {
    }

    public BusinessRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "business-rule";
        Text = new LocalizedText(message, message, message);
    }

    public string Code { get; }

    public LocalizedText Text { get; }
}
