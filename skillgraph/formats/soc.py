"""The Standard Occupational Classification (SOC 2018) groups O*NET occupations fall in.

Source: U.S. Bureau of Labor Statistics, SOC 2018 (public domain).
"""

from __future__ import annotations

__all__ = ["SOC_MAJOR_GROUPS", "soc_major_group"]

#: SOC 2018 major groups: the fields of O*NET occupations.
SOC_MAJOR_GROUPS = {
    "11": "Management Occupations",
    "13": "Business and Financial Operations Occupations",
    "15": "Computer and Mathematical Occupations",
    "17": "Architecture and Engineering Occupations",
    "19": "Life, Physical, and Social Science Occupations",
    "21": "Community and Social Service Occupations",
    "23": "Legal Occupations",
    "25": "Educational Instruction and Library Occupations",
    "27": "Arts, Design, Entertainment, Sports, and Media Occupations",
    "29": "Healthcare Practitioners and Technical Occupations",
    "31": "Healthcare Support Occupations",
    "33": "Protective Service Occupations",
    "35": "Food Preparation and Serving Related Occupations",
    "37": "Building and Grounds Cleaning and Maintenance Occupations",
    "39": "Personal Care and Service Occupations",
    "41": "Sales and Related Occupations",
    "43": "Office and Administrative Support Occupations",
    "45": "Farming, Fishing, and Forestry Occupations",
    "47": "Construction and Extraction Occupations",
    "49": "Installation, Maintenance, and Repair Occupations",
    "51": "Production Occupations",
    "53": "Transportation and Material Moving Occupations",
    "55": "Military Specific Occupations",
}


def soc_major_group(code: str) -> str | None:
    """The major group (two digits) of an SOC or O*NET-SOC code, if it is a known one.

    >>> soc_major_group("15-2051.01"), soc_major_group("99-0000")
    ('15', None)
    """
    major = code[:2]
    return major if major in SOC_MAJOR_GROUPS else None
