import Planner
print("plan-build")
