"""Example SPARQL queries of the query page, written against the skillgraph vocabulary.

They work on the built-in default taxonomy and on an imported ESCO store alike: concepts
are found by their English preferred label (a constant in the pattern, which both Oxigraph
and rdflib evaluate first), and every ORDER BY is total so that two engines give the same
rows under a LIMIT.  Programs exist only where a
source provides them (the default taxonomy does; ESCO does not).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EXAMPLES", "PREFIXES", "Example", "example"]

PREFIXES = """\
PREFIX sg: <https://w3id.org/skillgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


@dataclass(frozen=True)
class Example:
    """A named example: ``slug`` for links, a title, what it shows, and the query."""

    slug: str
    title: str
    description: str
    body: str
    #: True for queries over the wage, employment and exposure figures, which only a
    #: store with ``import crosswalk | oews | exposure`` has (not the default taxonomy).
    needs_figures: bool = False

    @property
    def query(self) -> str:
        return PREFIXES + "\n" + self.body.strip() + "\n"


EXAMPLES = (
    Example(
        "skill-gap",
        "Skill gap between two roles",
        "Essential skills of a data scientist that a data analyst does not have yet.",
        """
SELECT ?skill ?skillLabel WHERE {
  ?from a sg:Role ; skos:prefLabel "data analyst"@en .
  ?to a sg:Role ; skos:prefLabel "data scientist"@en ; sg:essentialSkill ?skill .
  ?skill skos:prefLabel ?skillLabel .
  FILTER NOT EXISTS { ?from sg:essentialSkill|sg:optionalSkill ?skill }
}
ORDER BY ?skillLabel ?skill
""",
    ),
    Example(
        "shared-skills",
        "Skills two roles share",
        "Skills a data analyst and a data scientist both need, and how each role needs them.",
        """
SELECT ?skill ?skillLabel ?forAnalyst ?forScientist WHERE {
  ?a a sg:Role ; skos:prefLabel "data analyst"@en .
  ?b a sg:Role ; skos:prefLabel "data scientist"@en .
  { ?a sg:essentialSkill ?skill BIND("essential" AS ?forAnalyst) }
  UNION { ?a sg:optionalSkill ?skill BIND("optional" AS ?forAnalyst) }
  { ?b sg:essentialSkill ?skill BIND("essential" AS ?forScientist) }
  UNION { ?b sg:optionalSkill ?skill BIND("optional" AS ?forScientist) }
  ?skill skos:prefLabel ?skillLabel .
}
ORDER BY ?forAnalyst ?forScientist ?skillLabel ?skill
""",
    ),
    Example(
        "upskilling",
        "Roles reachable by upskilling",
        "Roles in the same field as a data analyst, ranked by the share of their essential "
        "skills a data analyst already has.",
        """
SELECT ?role ?roleLabel ?shared ?needed ((?shared * 100 / ?needed) AS ?percentCovered) WHERE {
  {
    SELECT ?role (COUNT(DISTINCT ?skill) AS ?needed) (COUNT(DISTINCT ?had) AS ?shared) WHERE {
      ?from a sg:Role ; skos:prefLabel "data analyst"@en ; sg:field ?field .
      ?role a sg:Role ; sg:field ?field ; sg:essentialSkill ?skill .
      FILTER(?role != ?from)
      OPTIONAL {
        ?from sg:essentialSkill|sg:optionalSkill ?skill .
        BIND(?skill AS ?had)
      }
    }
    GROUP BY ?role
  }
  FILTER(?shared > 0)
  ?role skos:prefLabel ?roleLabel .
}
ORDER BY DESC(?percentCovered) DESC(?shared) ?roleLabel ?role
LIMIT 20
""",
    ),
    Example(
        "reskilling",
        "Reskilling: closest roles in other fields",
        "Roles outside the field of an administrative assistant that share the most "
        "essential skills with it.",
        """
SELECT ?role ?roleLabel ?fieldLabel (COUNT(DISTINCT ?skill) AS ?sharedSkills) WHERE {
  ?from a sg:Role ; skos:prefLabel "administrative assistant"@en ; sg:essentialSkill ?skill .
  ?role a sg:Role ; sg:essentialSkill ?skill ; skos:prefLabel ?roleLabel ; sg:field ?field .
  ?field skos:prefLabel ?fieldLabel .
  FILTER NOT EXISTS { ?from sg:field ?field }
}
GROUP BY ?role ?roleLabel ?fieldLabel
ORDER BY DESC(?sharedSkills) ?roleLabel ?role
LIMIT 20
""",
    ),
    Example(
        "field-demand",
        "Most demanded skills of a field",
        "Skills that the most roles of the data analyst's field need as essential.",
        """
SELECT ?skill ?skillLabel (COUNT(DISTINCT ?role) AS ?roles) WHERE {
  ?analyst a sg:Role ; skos:prefLabel "data analyst"@en ; sg:field ?field .
  ?role a sg:Role ; sg:field ?field ; sg:essentialSkill ?skill .
  ?skill skos:prefLabel ?skillLabel .
}
GROUP BY ?skill ?skillLabel
ORDER BY DESC(?roles) ?skillLabel ?skill
LIMIT 25
""",
    ),
    Example(
        "programs-for-skill",
        "Programs that teach a skill",
        "Learning programs that teach SQL, with their hours, cost and provider (none in ESCO).",
        """
SELECT ?program ?programLabel ?hours ?cost ?currency ?provider WHERE {
  ?skill a sg:Skill ; skos:prefLabel "SQL"@en .
  ?program a sg:LearningProgram ; sg:teaches ?skill ; skos:prefLabel ?programLabel .
  OPTIONAL { ?program sg:hours ?hours }
  OPTIONAL { ?program sg:cost ?cost }
  OPTIONAL { ?program sg:currency ?currency }
  OPTIONAL { ?program sg:provider ?provider }
}
ORDER BY ?hours ?programLabel ?program
""",
    ),
    Example(
        "roles-sharing-skills",
        "Roles sharing at least N skills with a role",
        "Roles with at least 5 essential skills in common with a data analyst, in any field.",
        """
SELECT ?role ?roleLabel (COUNT(DISTINCT ?skill) AS ?shared) WHERE {
  ?from a sg:Role ; skos:prefLabel "data analyst"@en ; sg:essentialSkill ?skill .
  ?role sg:essentialSkill ?skill .
  FILTER(?role != ?from)
  ?role skos:prefLabel ?roleLabel .
}
GROUP BY ?role ?roleLabel
HAVING (COUNT(DISTINCT ?skill) >= 5)
ORDER BY DESC(?shared) ?roleLabel ?role
""",
    ),
    Example(
        "skill-hierarchy",
        "The hierarchy under a skill group",
        "Every group and skill below the skill groups that hold SQL, with its parent.",
        """
SELECT ?group ?groupLabel ?parent ?parentLabel ?node ?nodeLabel WHERE {
  ?sql a sg:Skill ; skos:prefLabel "SQL"@en ; skos:broader ?group .
  ?group a sg:SkillGroup ; skos:prefLabel ?groupLabel .
  ?node skos:broader ?parent ; skos:prefLabel ?nodeLabel .
  ?parent skos:broader* ?group ; skos:prefLabel ?parentLabel .
}
ORDER BY ?groupLabel ?group ?parentLabel ?parent ?nodeLabel ?node
LIMIT 500
""",
    ),
    Example(
        "roles-needing-skill",
        "Roles that need a skill",
        "Roles that list machine learning as an essential or optional skill.",
        """
SELECT ?role ?roleLabel ?how WHERE {
  ?skill a sg:Skill ; skos:prefLabel "machine learning"@en .
  { ?role sg:essentialSkill ?skill BIND("essential" AS ?how) }
  UNION { ?role sg:optionalSkill ?skill BIND("optional" AS ?how) }
  ?role a sg:Role ; skos:prefLabel ?roleLabel .
}
ORDER BY ?how ?roleLabel ?role
""",
    ),
    Example(
        "fields",
        "Fields and their roles",
        "Every field with its number of roles.",
        """
SELECT ?field ?fieldLabel (COUNT(?role) AS ?roles) WHERE {
  ?role a sg:Role ; sg:field ?field .
  ?field skos:prefLabel ?fieldLabel .
}
GROUP BY ?field ?fieldLabel
ORDER BY DESC(?roles) ?fieldLabel ?field
""",
    ),
    Example(
        "skill-profile",
        "A role's skills by type",
        "How the skills of a data scientist divide into skill types (knowledge, "
        "skill/competence, transversal, language), essential and optional.",
        """
SELECT ?type ?how (COUNT(DISTINCT ?skill) AS ?skills) WHERE {
  ?role a sg:Role ; skos:prefLabel "data scientist"@en .
  { ?role sg:essentialSkill ?skill BIND("essential" AS ?how) }
  UNION { ?role sg:optionalSkill ?skill BIND("optional" AS ?how) }
  OPTIONAL { ?skill sg:skillType ?knownType }
  BIND(COALESCE(?knownType, "unknown") AS ?type)
}
GROUP BY ?type ?how
ORDER BY ?how DESC(?skills) ?type
""",
    ),
    Example(
        "label-search",
        "Find roles by a word in their name",
        "Roles with 'analyst' in their preferred label.",
        """
SELECT ?role ?roleLabel WHERE {
  ?role a sg:Role ; skos:prefLabel ?roleLabel .
  FILTER(CONTAINS(LCASE(STR(?roleLabel)), "analyst"))
}
ORDER BY ?roleLabel ?role
LIMIT 100
""",
    ),
    Example(
        "ask-requires",
        "Does a role require a skill? (ASK)",
        "True if a data analyst needs SQL, essential or optional.",
        """
ASK {
  ?role a sg:Role ; skos:prefLabel "data analyst"@en ; sg:essentialSkill|sg:optionalSkill ?skill .
  ?skill skos:prefLabel "SQL"@en .
}
""",
    ),
    Example(
        "describe-role",
        "A role and its skills as RDF (CONSTRUCT)",
        "The data analyst role, its labels, field and skills as a small graph.",
        """
CONSTRUCT {
  ?role a sg:Role ; skos:prefLabel "data analyst"@en ; sg:field ?field ;
        sg:essentialSkill ?essential ; sg:optionalSkill ?optional .
  ?essential skos:prefLabel ?essentialLabel .
  ?optional skos:prefLabel ?optionalLabel .
} WHERE {
  ?role a sg:Role ; skos:prefLabel "data analyst"@en .
  OPTIONAL { ?role sg:field ?field }
  OPTIONAL { ?role sg:essentialSkill ?essential . ?essential skos:prefLabel ?essentialLabel }
  OPTIONAL { ?role sg:optionalSkill ?optional . ?optional skos:prefLabel ?optionalLabel }
}
""",
    ),
    Example(
        "best-paid-reskilling",
        "Best-paid roles one reskilling step away",
        "Roles in another field that share at least three skills with a data analyst (one "
        "reskilling step away), best paid first: the mean of the US median wages (BLS OEWS) "
        "of the occupations each maps to (skos:closeMatch, then skos:broadMatch to its SOC "
        "code). Needs the crosswalk and OEWS imports.",
        """
SELECT ?role ?roleLabel (AVG(?wage) AS ?medianWage) (COUNT(DISTINCT ?shared) AS ?sharedSkills)
WHERE {
  ?from a sg:Role ; skos:prefLabel "data analyst"@en ; sg:field ?field ;
        sg:essentialSkill|sg:optionalSkill ?shared .
  ?role sg:essentialSkill|sg:optionalSkill ?shared ; a sg:Role ; sg:field ?other .
  FILTER (?other != ?field)
  ?role skos:closeMatch?/skos:broadMatch ?soc .
  ?soc sg:figure ?figure .
  ?figure sg:measure sg:MedianAnnualWage ; sg:value ?wage .
  ?role skos:prefLabel ?roleLabel FILTER (langMatches(lang(?roleLabel), "en"))
}
GROUP BY ?role ?roleLabel
HAVING (COUNT(DISTINCT ?shared) >= 3)
ORDER BY DESC(?medianWage) ?role
LIMIT 20
""",
        needs_figures=True,
    ),
    Example(
        "exposure-skills",
        "Skills that separate high-exposure roles from low-exposure ones",
        "Essential skills of roles with high LLM exposure (0.4 or more, Eloundou et al. "
        "2023) minus those of roles with low exposure (below 0.15): a role's exposure is "
        "the mean over the occupations it maps to. Exposure is not replacement. Needs the "
        "crosswalk and exposure imports.",
        """
SELECT ?skill ?skillLabel ?inHigh ?inLow ((?inHigh - ?inLow) AS ?difference) WHERE {
  {
    SELECT ?skill (SUM(IF(?exposure >= 0.4, 1, 0)) AS ?inHigh)
                  (SUM(IF(?exposure < 0.15, 1, 0)) AS ?inLow) WHERE {
      {
        SELECT ?role (AVG(?score) AS ?exposure) WHERE {
          ?role a sg:Role ; skos:closeMatch? ?occupation .
          ?occupation sg:figure ?figure .
          ?figure sg:measure sg:LLMExposure ; sg:value ?score .
        } GROUP BY ?role
      }
      FILTER (BOUND(?exposure))
      ?role sg:essentialSkill ?skill .
    } GROUP BY ?skill
  }
  ?skill skos:prefLabel ?skillLabel FILTER (langMatches(lang(?skillLabel), "en"))
}
ORDER BY DESC(?difference) ?skill
LIMIT 25
""",
        needs_figures=True,
    ),
    Example(
        "fields-by-exposure",
        "Fields by employment-weighted LLM exposure",
        "Each field's mean LLM exposure over its roles, weighted by the US employment of the "
        "occupations each role maps to (BLS OEWS). US figures, not European ones. Needs the "
        "crosswalk, OEWS and exposure imports.",
        """
SELECT ?field ?fieldLabel ((SUM(?exposure * ?jobs) / SUM(?jobs)) AS ?weightedExposure)
       (SUM(?jobs) AS ?employment) (COUNT(?role) AS ?roles) WHERE {
  {
    SELECT ?role (AVG(?score) AS ?exposure) WHERE {
      ?role a sg:Role ; skos:closeMatch? ?occupation .
      ?occupation sg:figure ?figure .
      ?figure sg:measure sg:LLMExposure ; sg:value ?score .
    } GROUP BY ?role
  }
  {
    SELECT ?role (SUM(?count) AS ?jobs) WHERE {
      SELECT DISTINCT ?role ?soc ?count WHERE {
        ?role a sg:Role ; skos:closeMatch?/skos:broadMatch ?soc .
        ?soc sg:figure ?figure .
        ?figure sg:measure sg:Employment ; sg:value ?count .
      }
    } GROUP BY ?role
  }
  FILTER (BOUND(?exposure) && BOUND(?jobs))
  ?role sg:field ?field .
  ?field skos:prefLabel ?fieldLabel FILTER (langMatches(lang(?fieldLabel), "en"))
}
GROUP BY ?field ?fieldLabel
ORDER BY DESC(?weightedExposure) ?field
""",
        needs_figures=True,
    ),
)


def example(slug: str) -> Example:
    """The example named ``slug``.

    >>> example("skill-gap").title
    'Skill gap between two roles'
    """
    for item in EXAMPLES:
        if item.slug == slug:
            return item
    raise KeyError(slug)
