using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Requests.Ai;

namespace RealtyHub.Integrations.Tests.Ai;

/// <summary>The deterministic classifier: kinds in their precedence, entities, deadlines on a fixed Dubai clock, questions.</summary>
public sealed class RuleBasedUnderstanderTests
{
    private readonly RuleBasedUnderstander rules = new(DubaiClock.MondayMorning());

    [Theory]
    [InlineData("Prepare a CMA for the Marina villa", RequestKind.MarketReport)]
    [InlineData("Need a market report on Business Bay offices", RequestKind.MarketReport)]
    [InlineData("How much is unit 1203 worth these days?", RequestKind.MarketReport)]
    [InlineData("Write a listing description for the Palm penthouse", RequestKind.ListingDescription)]
    [InlineData("Marketing copy for the new JVC townhouses please", RequestKind.ListingDescription)]
    [InlineData("Put the 2-bed in JLT on Bayut", RequestKind.ListingDescription)]
    [InlineData("Instagram post for the Downtown launch", RequestKind.SocialPost)]
    [InlineData("A LinkedIn caption for our Q2 results", RequestKind.SocialPost)]
    [InlineData("Draft a follow-up for Sara", RequestKind.FollowUpMessage)]
    [InlineData("Remind Mr. Khan about the viewing tomorrow", RequestKind.FollowUpMessage)]
    [InlineData("Check in with Omar about the offer", RequestKind.FollowUpMessage)]
    [InlineData("Check the tenancy contract for unit 1203", RequestKind.DocumentCheck)]
    [InlineData("Is our Instagram ad RERA compliant?", RequestKind.DocumentCheck)]
    [InlineData("Please review the MOU before signing", RequestKind.DocumentCheck)]
    [InlineData("What is our commission split on off-plan deals?", RequestKind.KnowledgeAnswer)]
    [InlineData("What does the post-handover payment plan mean?", RequestKind.KnowledgeAnswer)]
    [InlineData("", RequestKind.KnowledgeAnswer)]
    public void Each_kind_is_recognised_from_its_words(string text, RequestKind expected) =>
        Assert.Equal(expected, rules.Understand(text).Kind);

    [Theory]
    [InlineData("Check the listing description for compliance", RequestKind.DocumentCheck)]   // a check beats the thing checked
    [InlineData("Prepare a CMA for the Marina villa and send it to Sara", RequestKind.MarketReport)]   // the report beats the message
    [InlineData("Instagram post for the new listing description", RequestKind.SocialPost)]   // a post beats listing copy
    [InlineData("Follow up with Sara with a listing description", RequestKind.ListingDescription)]   // copy beats the message
    public void Precedence_decides_between_kinds(string text, RequestKind expected) =>
        Assert.Equal(expected, rules.Understand(text).Kind);

    [Theory]
    [InlineData("أريد تقرير السوق عن دبي مارينا", RequestKind.MarketReport, "Dubai Marina")]
    [InlineData("اكتب وصف للفيلا في نخلة جميرا", RequestKind.ListingDescription, "Palm Jumeirah")]
    [InlineData("منشور انستغرام للمشروع الجديد", RequestKind.SocialPost, null)]
    [InlineData("رسالة متابعة للعميل", RequestKind.FollowUpMessage, null)]
    [InlineData("راجع العقد من فضلك", RequestKind.DocumentCheck, null)]
    [InlineData("ما هي سياسة العمولة؟", RequestKind.KnowledgeAnswer, null)]
    public void Arabic_requests_are_classified_from_a_few_keywords(string text, RequestKind kind, string? area)
    {
        var understanding = rules.Understand(text);

        Assert.Equal(kind, understanding.Kind);
        Assert.Equal(area, understanding.Entities.Area);
    }

    [Theory]
    [InlineData("Prepare a CMA for the Marina villa", "Marina villa", "Dubai Marina")]
    [InlineData("CMA for the new Emaar townhouse in Arabian Ranches", "new Emaar townhouse", "Arabian Ranches")]
    [InlineData("Valuation of unit 1203 in JLT", "unit 1203", "JLT")]
    [InlineData("Listing for villa 14 on the Palm", "villa 14", "Palm Jumeirah")]
    [InlineData("Market report for a 2-bed in JLT", "2-bed in JLT", "JLT")]
    [InlineData("Listing copy for the studio in Jumeirah Village Circle", "studio in Jumeirah Village Circle", "JVC")]
    [InlineData("Market update for Palm Jumeirah", null, "Palm Jumeirah")]
    [InlineData("Market update for Jumeirah", null, "Jumeirah")]
    [InlineData("Market update for Downtown and Business Bay", null, "Downtown Dubai")]
    [InlineData("Listing description for the client about the Dubai Hills villa", "Dubai Hills villa", "Dubai Hills")]
    [InlineData("What is our commission policy?", null, null)]
    public void Property_and_area_are_extracted(string text, string? property, string? area)
    {
        var entities = rules.Understand(text).Entities;

        Assert.Equal(property, entities.Property);
        Assert.Equal(area, entities.Area);
    }

    [Theory]
    [InlineData("Draft a follow-up for Sara", "Sara")]
    [InlineData("Send a message to Mr. Khan about the viewing", "Mr. Khan")]
    [InlineData("Remind Omar Farouk of the deposit", "Omar Farouk")]
    [InlineData("Follow up with Sara Al Mansoori today", "Sara Al Mansoori")]
    [InlineData("Update Sara's CMA", "Sara")]
    [InlineData("Send Sara the market report", "Sara")]
    [InlineData("Email to Dr Patel on Friday", "Dr Patel")]
    [InlineData("Message to Layla Friday morning", "Layla")]
    [InlineData("Instagram post for Business Bay", null)]
    [InlineData("CMA for Dubai Marina by Friday", null)]
    [InlineData("Post it to Instagram", null)]
    [InlineData("Write to the client", null)]
    [InlineData("Follow up with JLT owners", null)]
    public void Client_names_are_extracted(string text, string? client) =>
        Assert.Equal(client, rules.Understand(text).Entities.ClientName);

    [Theory]
    [InlineData("Listing at 2.5M", "2500000")]
    [InlineData("Asking AED 2,500,000 for it", "2500000")]
    [InlineData("They offered 3.2 million dirhams", "3200000")]
    [InlineData("Budget around 850k", "850000")]
    [InlineData("Price 1,750,000", "1750000")]
    [InlineData("Tower sold for 1.2bn", "1200000000")]
    [InlineData("Rent is 95,000 AED a year", "95000")]
    [InlineData("Unit 1203, 2-bed, 1200 sqm", null)]
    [InlineData("The buyer has $2M", null)]
    [InlineData("Three months of service charges", null)]
    public void Prices_in_dirhams_are_extracted(string text, string? price) =>
        Assert.Equal(price is null ? null : decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), rules.Understand(text).Entities.Price);

    /// <summary>The clock says Monday 2 March 2026 in Dubai (Sunday 1 March in UTC): today is the Dubai date.</summary>
    [Theory]
    [InlineData("CMA by Friday", "2026-03-06")]
    [InlineData("CMA tomorrow", "2026-03-03")]
    [InlineData("CMA the day after tomorrow", "2026-03-04")]
    [InlineData("CMA by end of day", "2026-03-02")]
    [InlineData("CMA by EOD", "2026-03-02")]
    [InlineData("CMA on Monday", "2026-03-02")]
    [InlineData("CMA next Monday", "2026-03-09")]
    [InlineData("CMA by Wed", "2026-03-04")]
    [InlineData("CMA by end of week", "2026-03-06")]
    [InlineData("CMA by end of month", "2026-03-31")]
    [InlineData("CMA in 3 days", "2026-03-05")]
    [InlineData("CMA within a week", "2026-03-09")]
    [InlineData("CMA by 30 Nov", "2026-11-30")]
    [InlineData("CMA by Nov 30th", "2026-11-30")]
    [InlineData("CMA by 1 February", "2027-02-01")]
    [InlineData("CMA by 15/4", "2026-04-15")]
    [InlineData("CMA by 15/04/2027", "2027-04-15")]
    [InlineData("CMA due 2026-05-01", "2026-05-01")]
    [InlineData("CMA by 31/02", null)]
    [InlineData("Our 24/7 desk needs a CMA", null)]
    [InlineData("CMA for the Marina villa", null)]
    public void Deadlines_count_from_today_in_the_clocks_time_zone(string text, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rules.Understand(text).Entities.Deadline);

    [Theory]
    [InlineData("Prepare a market report", "Which property or area should the market report cover?")]
    [InlineData("CMA please, urgent", "Which property or area should the market report cover?")]
    [InlineData("Prepare a market report for JLT", null)]
    [InlineData("CMA for unit 1203", null)]
    [InlineData("Draft a follow-up message", "Who is the follow-up for? Please name the client.")]
    [InlineData("Draft a follow-up for Sara", null)]
    [InlineData("Write a listing description", null)]
    public void Missing_essentials_raise_a_question(string text, string? question) =>
        Assert.Equal(question, rules.Understand(text).MissingInfoQuestion);

    [Fact]
    public async Task The_whole_request_is_understood_and_labelled_as_rules()
    {
        var understanding = await rules.UnderstandAsync("b1", "Prepare a CMA for the Marina villa for Sara by Friday, she can do 2.5M");

        Assert.Equal(
            new RequestUnderstanding(
                RequestKind.MarketReport,
                new RequestEntities(Property: "Marina villa", Area: "Dubai Marina", ClientName: "Sara", Price: 2_500_000m, Deadline: new DateOnly(2026, 3, 6)),
                null,
                "rules"),
            understanding);
    }
}
